package dev.symbiont.execution;

import dev.symbiont.runtime.DomainException;
import java.util.UUID;

public class ExecutionNotFoundException extends DomainException {

    public ExecutionNotFoundException(UUID agentId, UUID executionId) {
        super("agent " + agentId + " has no execution " + executionId);
    }
}
