package dev.symbiont.web.task;

import dev.symbiont.scheduler.ResourceOverrides;
import dev.symbiont.scheduler.TaskPriority;
import dev.symbiont.scheduler.TaskSubmission;
import dev.symbiont.web.agent.StdinPayload;
import dev.symbiont.web.problem.ApiExceptions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import java.util.OptionalInt;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TaskRequest", description = "A task for the agent's execution spec: priority, resources, input "
        + "(text or base64, not both) and an idempotency key (or the Idempotency-Key header)")
public record TaskRequest(
        @Pattern(regexp = "(?i)low|normal|high|critical", message = "must be low, normal, high or critical")
        @Schema(enumeration = {"low", "normal", "high", "critical"}, defaultValue = "normal") String priority,
        @Valid TaskResourcesRequest resources,
        @Schema(description = "UTF-8 text written to the process's standard input, then end of file") String input,
        @Schema(description = "Bytes for standard input, base64-encoded (instead of input)") String inputBase64,
        @Size(min = 1, max = 255) @Schema(description = "A retry with the same key for this agent returns the first "
                + "task (200) instead of adding one; the same key with a different request is 409") String idempotencyKey,
        @Positive @Max(10) @Schema(description = "How often the task may be started after a server died while it "
                + "ran (at-least-once); default from configuration") Integer maxAttempts) {

    /** @param headerKey the Idempotency-Key header, if sent: it must agree with the body's key when both are given */
    public TaskSubmission toDomain(String headerKey) {
        byte[] stdin = StdinPayload.decode(input, inputBase64);
        return new TaskSubmission(priority == null ? TaskPriority.NORMAL : TaskPriority.of(priority),
                resources == null ? ResourceOverrides.NONE : resources.toDomain(), stdin,
                key(idempotencyKey, headerKey),
                maxAttempts == null ? OptionalInt.empty() : OptionalInt.of(maxAttempts));
    }

    public static TaskSubmission empty(String headerKey) {
        return new TaskRequest(null, null, null, null, null, null).toDomain(headerKey);
    }

    private static Optional<String> key(String body, String header) {
        if (header != null && (header.isEmpty() || header.length() > 255)) {
            throw new ApiExceptions.InvalidParameter("Idempotency-Key", "must have 1 to 255 characters");
        }
        if (body != null && header != null && !body.equals(header)) {
            throw new ApiExceptions.InvalidParameter("Idempotency-Key",
                    "differs from the body's idempotency_key; send one, or the same in both");
        }
        return Optional.ofNullable(body != null ? body : header);
    }
}
