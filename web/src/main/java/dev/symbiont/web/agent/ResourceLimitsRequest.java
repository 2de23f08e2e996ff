package dev.symbiont.web.agent;

import dev.symbiont.agent.ResourceLimits;
import dev.symbiont.web.PositiveDuration;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ResourceLimits", description = "The most the agent may consume")
public record ResourceLimitsRequest(
        @NotNull @Positive @Max(1_048_576) @Schema(examples = "512") Integer memoryMb,
        @NotNull @DecimalMin("0.01") @DecimalMax("1024") @Schema(examples = "1.0") Double cpuCores,
        @NotNull @Positive @Max(100_000) @Schema(examples = "50") Integer diskIoMbps,
        @NotNull @PositiveOrZero @Max(100_000) @Schema(examples = "10") Integer networkIoMbps,
        @NotNull @PositiveDuration @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                format = "duration", examples = "PT5M", description = "ISO-8601 duration, positive")
        Duration executionTimeout) {

    ResourceLimits toDomain() {
        return new ResourceLimits(memoryMb, cpuCores, diskIoMbps, networkIoMbps, executionTimeout);
    }

    static ResourceLimitsRequest of(ResourceLimits r) {
        return new ResourceLimitsRequest(r.memoryMb(), r.cpuCores(), r.diskIoMbps(), r.networkIoMbps(),
                r.executionTimeout());
    }
}
