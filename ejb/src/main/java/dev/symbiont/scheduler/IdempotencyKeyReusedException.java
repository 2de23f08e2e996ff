package dev.symbiont.scheduler;

import dev.symbiont.runtime.DomainException;
import java.util.UUID;

/**
 * The idempotency key was already used for this agent with a different request: a retry must repeat the request
 * exactly, and a new request needs a new key.
 */
public class IdempotencyKeyReusedException extends DomainException {

    public IdempotencyKeyReusedException(UUID agentId, String key, UUID existingTask) {
        super("idempotency key '" + key + "' was already used for agent " + agentId + " by task " + existingTask
                + " with a different request; use a new key for a new request");
    }
}
