package dev.symbiont.web.task;

import dev.symbiont.scheduler.ResourceRequest;
import dev.symbiont.scheduler.queue.StoredTask;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Task", description = "A task of an agent: what was asked, where it is, and how its last run ended "
        + "(the run itself is an execution: GET .../executions/{execution_id})")
public record TaskResponse(
        UUID id, UUID agentId,
        @Schema(enumeration = {"low", "normal", "high", "critical"}) String priority,
        @Schema(enumeration = {"queued", "running", "preempted", "succeeded", "failed", "cancelled", "timed_out"})
        String state,
        Instant stateChangedAt, ResourcesResponse resources, int inputBytes, String inputSha256,
        String idempotencyKey, String submittedBy, Instant submittedAt,
        @Schema(description = "When it joined the queue; a preempted or requeued task keeps it") Instant enqueuedAt,
        Instant startedAt, Instant endedAt,
        @Schema(description = "How often it was started (preemptions and restarts included)") int attempts,
        int maxAttempts, String nodeId,
        @Schema(description = "Its last sandbox execution") UUID executionId,
        String reason, Integer exitCode) {

    @Schema(name = "TaskResourcesGranted", description = "What the task asked for, defaults resolved")
    public record ResourcesResponse(int memoryMb, double cpuCores, int diskIoMbps, int networkIoMbps,
                                    @Schema(type = SchemaType.STRING, format = "duration") Duration timeout) {

        public static ResourcesResponse of(ResourceRequest r) {
            return new ResourcesResponse(r.memoryMb(), r.cpuCores(), r.diskIoMbps(), r.networkIoMbps(), r.timeout());
        }
    }

    public static TaskResponse of(StoredTask t) {
        return new TaskResponse(t.id(), t.agentId(), t.priority().label(), t.state().label(), t.stateChangedAt(),
                ResourcesResponse.of(t.resources()), t.inputSize(), t.inputSha256(), t.idempotencyKey().orElse(null),
                t.submittedBy(), t.submittedAt(), t.enqueuedAt(), t.startedAt().orElse(null),
                t.endedAt().orElse(null), t.attempts(), t.maxAttempts(), t.nodeId().orElse(null),
                t.executionId().orElse(null), t.reason().orElse(null),
                t.exitCode().isPresent() ? t.exitCode().getAsInt() : null);
    }
}
