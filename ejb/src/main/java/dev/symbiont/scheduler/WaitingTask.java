package dev.symbiont.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/**
 * A task waiting for the node, as the durable queue hands it in. {@code enqueuedAt} is when it was first queued:
 * a preempted task keeps it, so that ageing favours it when it comes back. {@code sequence} increases with every
 * task queued and breaks ties between tasks queued in the same instant.
 */
public record WaitingTask(UUID taskId, UUID agentId, TaskPriority priority, ResourceRequest request,
                          Instant enqueuedAt, long sequence) {

    /**
     * Oldest first; the task id only makes the order total, so no two distinct tasks ever compare equal. Written
     * out rather than chained from Comparator.comparing: every queue operation runs it a dozen times or more.
     */
    static final Comparator<WaitingTask> FIFO = WaitingTask::compareByAge;

    /** An agent's own tasks: highest priority first, then oldest. */
    static final Comparator<WaitingTask> AGENT_ORDER = (a, b) -> a.priority != b.priority
            ? b.priority.compareTo(a.priority) : compareByAge(a, b);

    private static int compareByAge(WaitingTask a, WaitingTask b) {
        int byTime = a.enqueuedAt.compareTo(b.enqueuedAt);
        if (byTime != 0) {
            return byTime;
        }
        int bySequence = Long.compare(a.sequence, b.sequence);
        return bySequence != 0 ? bySequence : a.taskId.compareTo(b.taskId);
    }

    public WaitingTask {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(enqueuedAt, "enqueuedAt");
    }

    /** How long it has waited by {@code now}; never negative, even if the clocks disagree. */
    public Duration waitedAt(Instant now) {
        Duration waited = Duration.between(enqueuedAt, now);
        return waited.isNegative() ? Duration.ZERO : waited;
    }
}
