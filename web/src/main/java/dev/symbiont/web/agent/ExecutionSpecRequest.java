package dev.symbiont.web.agent;

import dev.symbiont.agent.ExecutionSpec;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ExecutionSpec", description = "What running the agent starts in the sandbox")
public record ExecutionSpecRequest(
        @NotBlank @Size(max = 512)
        @Pattern(regexp = "[a-z0-9][a-z0-9._/:@-]*", message = "must be an image reference such as "
                + "registry.example.com/agents/summarizer:1.2")
        @Schema(description = "An image already on the sandbox engine; nothing is pulled at execution time",
                examples = "registry.example.com/agents/summarizer:1.2") String image,
        @NotEmpty @Size(max = 64) List<@NotNull @Size(max = 4096) String> command,
        @Size(max = 64) Map<@NotNull @Pattern(regexp = EnvironmentNames.PATTERN, message = EnvironmentNames.MESSAGE)
                String, @NotNull @Size(max = 4096) String> environment) {

    ExecutionSpec toDomain() {
        return new ExecutionSpec(image, command, environment);
    }

    static ExecutionSpecRequest of(ExecutionSpec spec) {
        return spec == null ? null : new ExecutionSpecRequest(spec.image(), spec.command(), spec.environment());
    }
}
