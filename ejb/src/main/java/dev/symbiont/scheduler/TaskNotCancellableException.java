package dev.symbiont.scheduler;

import dev.symbiont.runtime.DomainException;
import java.util.UUID;

/** The task has already ended, or runs where this node cannot stop it. */
public class TaskNotCancellableException extends DomainException {

    public TaskNotCancellableException(UUID taskId, TaskState state) {
        super("task " + taskId + " has already ended (" + state.label() + "); only queued, preempted or running "
                + "tasks can be cancelled");
    }

    public TaskNotCancellableException(UUID taskId, String why) {
        super("task " + taskId + " cannot be cancelled here: " + why);
    }
}
