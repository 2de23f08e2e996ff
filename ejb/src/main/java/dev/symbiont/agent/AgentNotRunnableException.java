package dev.symbiont.agent;

import dev.symbiont.runtime.DomainException;
import java.util.UUID;

/** The agent cannot be executed now: it is not Ready, has no execution spec, or its limits are below the sandbox's. */
public class AgentNotRunnableException extends DomainException {

    private final UUID agentId;

    public AgentNotRunnableException(UUID agentId, String reason) {
        super(reason);
        this.agentId = agentId;
    }

    public UUID agentId() {
        return agentId;
    }
}
