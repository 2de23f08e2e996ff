package dev.symbiont.scheduler.queue;

import dev.symbiont.scheduler.ResourceRequest;
import dev.symbiont.scheduler.TaskPriority;
import dev.symbiont.scheduler.TaskState;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * One agent_task row: what was submitted, where the task is now and how its last run went. The input bytes are
 * left out ({@link TaskRows#input} loads them when the task is about to run), so the scheduler can hold every
 * waiting task in memory.
 *
 * @param stateChangedAt when the task entered its current state
 * @param enqueuedAt     when it first joined the queue; preemption and requeueing keep it
 * @param seq            submission order, the last tie-break of the claim order
 * @param attempts       how many times it was claimed, preemptions and restarts included
 * @param nodeId         the node that claimed it: present while running and once it ended after running
 * @param executionId    its last sandbox execution
 * @param reason         why it last moved, when that needs saying (ended badly, cancelled, preempted, requeued)
 */
public record StoredTask(UUID id, UUID agentId, TaskPriority priority, TaskState state, Instant stateChangedAt,
                         ResourceRequest resources, int inputSize, String inputSha256,
                         Optional<String> idempotencyKey, String requestSha256, String submittedBy,
                         Instant submittedAt, Instant enqueuedAt, Optional<Instant> startedAt,
                         Optional<Instant> endedAt, long seq, int attempts, int maxAttempts, Optional<String> nodeId,
                         Optional<UUID> executionId, Optional<String> reason, OptionalInt exitCode,
                         long rowVersion) {

    /** The order tasks are claimed in: higher priority first, then the longest waiting, then the first submitted. */
    public static final Comparator<StoredTask> CLAIM_ORDER = Comparator
            .comparing(StoredTask::priority, Comparator.reverseOrder())
            .thenComparing(StoredTask::enqueuedAt)
            .thenComparingLong(StoredTask::seq);

    /** Whether a retry asked what this task's submission asked (same agent, priority, resources, input, attempts). */
    public boolean sameRequestAs(NewTask submission) {
        return requestSha256.equals(submission.requestSha256());
    }
}
