package dev.symbiont.scheduler;

import dev.symbiont.runtime.DomainException;
import java.util.UUID;

/** The task has already ended; there is nothing left to cancel. */
public class TaskNotCancellableException extends DomainException {

    public TaskNotCancellableException(UUID taskId, TaskState state) {
        super("task " + taskId + " has already ended (" + state.label() + "); only queued, preempted or running "
                + "tasks can be cancelled");
    }
}
