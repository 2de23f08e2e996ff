package dev.symbiont.scheduler;

import dev.symbiont.runtime.DomainException;
import java.util.UUID;

/** No task with this id belongs to this agent. */
public class TaskNotFoundException extends DomainException {

    public TaskNotFoundException(UUID agentId, UUID taskId) {
        super("agent " + agentId + " has no task " + taskId);
    }
}
