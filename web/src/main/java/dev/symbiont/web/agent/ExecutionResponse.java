package dev.symbiont.web.agent;

import dev.symbiont.execution.Execution;
import dev.symbiont.execution.ExecutionOutcome;
import dev.symbiont.execution.TierPlacement;
import dev.symbiont.sandbox.CapturedOutput;
import dev.symbiont.sandbox.SandboxLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Execution", description = "One execution of an agent in the sandbox: where it ran, why, and how it "
        + "ended")
public record ExecutionResponse(
        UUID id, UUID agentId,
        @Schema(enumeration = {"running", "exited", "timed_out", "oom_killed", "stopped", "policy_denied", "refused",
                "failed", "interrupted"}) String status,
        String requestedBy, Instant requestedAt, Instant endedAt, String nodeId, String image, List<String> command,
        int inputBytes, String inputSha256,
        @Schema(enumeration = {"tier1", "tier2"}, description = "Absent when policy denied it") String tier,
        @Schema(description = "0 to 1; from score >= threshold on it runs in Tier 2") Double riskScore,
        @Schema(description = "What each risk factor added to the score") Map<String, Double> riskContributions,
        String tierReason, Boolean networkGranted, LimitsResponse limits,
        @Schema(description = "Why it ended when not by the process itself") String reason,
        Integer exitCode,
        @Schema(description = "Ran in a pre-started container of the warm pool") Boolean warm,
        @Schema(description = "Standard output as UTF-8, up to the output cap") String stdout,
        Long stdoutBytes, Boolean stdoutTruncated, String stderr, Long stderrBytes, Boolean stderrTruncated,
        Long durationMs, Long startupMs, Long firstOutputMs, Long peakMemoryBytes, Long cpuTimeMs) {

    @Schema(name = "ExecutionLimits", description = "The limits the sandbox enforced")
    public record LimitsResponse(long memoryBytes, double cpus, int maxProcesses, long scratchBytes, long timeoutMs,
                                 long outputCapBytes, long diskReadBytesPerSecond, long diskWriteBytesPerSecond) {

        static LimitsResponse of(SandboxLimits l) {
            return new LimitsResponse(l.memoryBytes(), l.cpus(), l.maxProcesses(), l.scratchBytes(),
                    l.timeout().toMillis(), l.outputCapBytes(), l.diskReadBytesPerSecond(),
                    l.diskWriteBytesPerSecond());
        }
    }

    static ExecutionResponse of(Execution e) {
        TierPlacement p = e.placement().orElse(null);
        ExecutionOutcome o = e.outcome().orElse(null);
        CapturedOutput out = o == null ? null : o.stdout();
        CapturedOutput err = o == null ? null : o.stderr();
        return new ExecutionResponse(e.id(), e.agentId(), e.status().label(), e.requestedBy(), e.requestedAt(),
                e.endedAt().orElse(null), e.nodeId(), e.image(), e.command(), e.inputBytes(), e.inputSha256(),
                p == null ? null : p.tier().name().toLowerCase(), p == null ? null : p.riskScore(),
                p == null ? null : p.riskContributions(), p == null ? null : p.reason(),
                p == null ? null : p.networkGranted(), p == null ? null : LimitsResponse.of(p.limits()),
                e.reason(), o == null ? null : o.exitCode(), o == null ? null : o.warm(),
                out == null ? null : out.text(), out == null ? null : out.totalBytes(),
                out == null ? null : out.truncated(),
                err == null ? null : err.text(), err == null ? null : err.totalBytes(),
                err == null ? null : err.truncated(),
                o == null ? null : o.duration().toMillis(), o == null ? null : o.startup().toMillis(),
                o == null ? null : o.firstOutput().map(Duration::toMillis).orElse(null),
                o == null || o.peakMemoryBytes().isEmpty() ? null : o.peakMemoryBytes().getAsLong(),
                o == null ? null : o.cpuTime().map(Duration::toMillis).orElse(null));
    }
}
