package dev.symbiont.scheduler;

import java.time.Instant;
import java.util.Comparator;

/** A task holding part of the node: what it asked for as it waited, what it got, and since when it runs. */
record RunningTask(WaitingTask task, Capacity allocation, Instant startedAt) {

    /**
     * The order in which running tasks are offered as preemption victims: lowest priority first, then the most
     * recently started, whose stop loses the least work.
     */
    static final Comparator<RunningTask> VICTIM_ORDER = (a, b) -> {
        if (a.priority() != b.priority()) {
            return a.priority().compareTo(b.priority());
        }
        int byStart = b.startedAt.compareTo(a.startedAt);
        return byStart != 0 ? byStart : a.task.taskId().compareTo(b.task.taskId());
    };

    TaskPriority priority() {
        return task.priority();
    }

    RunningTask startedAt(Instant actualStart) {
        return new RunningTask(task, allocation, actualStart);
    }
}
