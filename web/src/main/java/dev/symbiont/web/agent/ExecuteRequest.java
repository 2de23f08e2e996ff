package dev.symbiont.web.agent;

import dev.symbiont.execution.ExecutionInput;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ExecuteRequest", description = "Input of one execution: standard input (text or base64, not both) "
        + "and environment variables added to the agent's own")
public record ExecuteRequest(
        @Schema(description = "UTF-8 text written to the process's standard input, then end of file") String input,
        @Schema(description = "Bytes for standard input, base64-encoded (instead of input)") String inputBase64,
        @Size(max = 64) Map<@NotNull @Pattern(regexp = EnvironmentNames.PATTERN, message = EnvironmentNames.MESSAGE)
                String, @NotNull @Size(max = 4096) String> environment) {

    ExecutionInput toDomain() {
        return new ExecutionInput(StdinPayload.decode(input, inputBase64), environment);
    }
}
