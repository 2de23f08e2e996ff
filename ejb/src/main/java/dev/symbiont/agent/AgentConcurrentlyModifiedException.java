package dev.symbiont.agent;

import dev.symbiont.runtime.DomainException;
import java.util.UUID;

/** Another request changed the agent between this request's read and its write; nothing was written. */
public class AgentConcurrentlyModifiedException extends DomainException {

    public AgentConcurrentlyModifiedException(UUID id, Throwable cause) {
        super("agent " + id + " was changed by a concurrent request; read it again and retry", cause);
    }
}
