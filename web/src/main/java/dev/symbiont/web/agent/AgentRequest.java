package dev.symbiont.web.agent;

import dev.symbiont.agent.AgentDefinition;
import dev.symbiont.agent.DataSensitivity;
import dev.symbiont.agent.SandboxTierPreference;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agent definition as clients send it (JSON for now; the DSL comes later). */
@Schema(name = "AgentDefinition", description = "What an agent is: identity, capabilities, limits, security profile")
public record AgentRequest(
        @NotBlank @Size(max = 128) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
                message = "must start with a letter or digit and contain only letters, digits, '.', '_', '-'")
        @Schema(examples = "invoice-summarizer") String name,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[0-9A-Za-z][0-9A-Za-z.+-]*",
                message = "must be a version such as 1.2.0")
        @Schema(examples = "1.0.0") String version,
        @Size(max = 4096) String description,
        @Size(max = 64) List<@NotBlank @Size(max = 128) @Pattern(regexp = "[a-z0-9][a-z0-9._:-]*",
                message = "must be lower-case letters, digits, '.', '_', ':' or '-'") String> capabilities,
        @NotNull @Valid ResourceLimitsRequest resourceLimits,
        @Pattern(regexp = "auto|tier1|tier2", message = "must be one of auto, tier1, tier2")
        @Schema(enumeration = {"auto", "tier1", "tier2"}, defaultValue = "auto") String sandboxTier,
        @Schema(defaultValue = "false") Boolean requiresNetwork,
        @Schema(defaultValue = "false") Boolean requiresFilesystem,
        @Size(max = 32) List<@NotBlank @Size(max = 2048) String> externalApis,
        @Pattern(regexp = "public|internal|confidential|restricted",
                message = "must be one of public, internal, confidential, restricted")
        @Schema(enumeration = {"public", "internal", "confidential", "restricted"}, defaultValue = "internal")
        String dataSensitivity,
        @Size(max = 64) Map<@NotBlank @Size(max = 128) String, @NotNull @Size(max = 1024) String> metadata,
        @Valid @Schema(description = "Image and command run by POST /agents/{id}/execute; without it the agent "
                + "cannot be executed") ExecutionSpecRequest execution) {

    AgentDefinition toDomain() {
        return new AgentDefinition(name, version, description, capabilities, resourceLimits.toDomain(),
                sandboxTier == null ? null : SandboxTierPreference.valueOf(sandboxTier.toUpperCase()),
                Boolean.TRUE.equals(requiresNetwork), Boolean.TRUE.equals(requiresFilesystem), externalApis,
                dataSensitivity == null ? null : DataSensitivity.valueOf(dataSensitivity.toUpperCase()), metadata,
                execution == null ? null : execution.toDomain());
    }
}
