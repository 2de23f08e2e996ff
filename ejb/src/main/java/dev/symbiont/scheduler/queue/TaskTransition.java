package dev.symbiont.scheduler.queue;

import dev.symbiont.scheduler.TaskState;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One state change of a task, as agent_task_transition keeps it.
 *
 * @param seq    1 for the submission, then one more per change
 * @param from   absent for the submission
 * @param nodeId the node that took the task or held it when it moved; absent when no node was involved
 */
public record TaskTransition(UUID taskId, int seq, Optional<TaskState> from, TaskState to, Instant at,
                             Optional<String> nodeId, Optional<String> reason) {
}
