package dev.symbiont.scheduler;

import dev.symbiont.sandbox.SecurityTier;
import java.util.UUID;

/**
 * A task this node is running, from the decision to start it until its end is recorded: what a stop needs to
 * reach its sandbox. Fields are written by the task's own thread and read by whoever stops it.
 */
final class TaskRun {

    final WaitingTask task;
    volatile UUID executionId;
    volatile SecurityTier tier;
    volatile StopRequest stop;
    /** The core chose it as a victim: its stop is confirmed with preemptionDone, not finished. */
    volatile boolean victim;
    volatile boolean done;

    TaskRun(WaitingTask task) {
        this.task = task;
    }

    /** A cancel wins over a preemption: the task is not to come back. The first of two alike stands. */
    synchronized boolean requestStop(StopRequest request) {
        if (stop == null || (stop.outcome() == TaskState.PREEMPTED && request.outcome() == TaskState.CANCELLED)) {
            stop = request;
            return true;
        }
        return false;
    }
}
