package dev.symbiont.execution;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One execution attempt as recorded: who asked for what, where it was placed and how it ended.
 *
 * @param placement absent only when policy denied it before the risk was assessed
 * @param reason    why it ended when that is not the process's own doing (denial, refusal, failure, stop)
 * @param outcome   present when a process ran to an end (exited, timed out, was OOM-killed or stopped); a run
 *                  stopped before its process started has one too, with exit code -1 and no output
 */
public record Execution(UUID id, UUID agentId, String nodeId, ExecutionStatus status, String requestedBy,
                        Instant requestedAt, Optional<Instant> endedAt, String image, List<String> command,
                        int inputBytes, String inputSha256, Optional<TierPlacement> placement, String reason,
                        Optional<ExecutionOutcome> outcome) {
}
