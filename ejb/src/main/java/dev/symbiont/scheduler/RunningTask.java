package dev.symbiont.scheduler;

import java.time.Instant;
import java.util.Comparator;

/** A task holding part of the node: what it asked for as it waited, what it got, and since when it runs. */
record RunningTask(WaitingTask task, Capacity allocation, Instant startedAt) {

    /**
     * The order in which running tasks are offered as preemption victims: lowest priority first, then the most
     * recently started, whose stop loses the least work.
     */
    static final Comparator<RunningTask> VICTIM_ORDER = Comparator
            .comparing((RunningTask running) -> running.task().priority())
            .thenComparing(RunningTask::startedAt, Comparator.reverseOrder())
            .thenComparing(running -> running.task().taskId());

    TaskPriority priority() {
        return task.priority();
    }

    RunningTask startedAt(Instant actualStart) {
        return new RunningTask(task, allocation, actualStart);
    }
}
