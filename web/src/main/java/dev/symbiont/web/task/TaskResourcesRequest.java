package dev.symbiont.web.task;

import dev.symbiont.scheduler.ResourceOverrides;
import dev.symbiont.web.PositiveDuration;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TaskResources", description = "What the task asks for; an omitted field is the agent's limit. Above "
        + "the agent's limits only when policy (resource.allocate, attribute above_agent_limits) allows it.")
public record TaskResourcesRequest(
        @Positive @Max(1_048_576) @Schema(examples = "256") Integer memoryMb,
        @DecimalMin("0.01") @DecimalMax("1024") @Schema(examples = "0.5") Double cpuCores,
        @Positive @Max(100_000) @Schema(examples = "20") Integer diskIoMbps,
        @PositiveOrZero @Max(100_000) @Schema(examples = "0") Integer networkIoMbps,
        @PositiveDuration @Schema(type = SchemaType.STRING, format = "duration", examples = "PT1M",
                description = "ISO-8601 duration: the wall-clock kill") Duration timeout) {

    ResourceOverrides toDomain() {
        return new ResourceOverrides(Optional.ofNullable(memoryMb), Optional.ofNullable(cpuCores),
                Optional.ofNullable(diskIoMbps), Optional.ofNullable(networkIoMbps), Optional.ofNullable(timeout));
    }
}
