package dev.symbiont.web.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 9457 problem details, the body of every error response ({@code application/problem+json}).
 * Extension members are present only for the problem types that use them.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance"})
public record Problem(
        @Schema(description = "Stable URI of the error kind", examples = "https://symbiont.dev/problems/illegal-transition")
        String type,
        String title,
        int status,
        @Schema(description = "What went wrong in this request") String detail,
        @Schema(description = "The request path") String instance,
        @Schema(description = "Field errors (validation-failed, invalid-configuration)") List<FieldError> errors,
        @Schema(description = "The agent's state (illegal-transition, agent-not-editable)") String currentState,
        @Schema(description = "States reachable from current_state (illegal-transition)") List<String> allowedTransitions,
        @Schema(description = "Correlates an internal error with the server log") String incidentId) {

    /** One invalid input: where ({@code field}, a JSON path in the request) and why. */
    @Schema(name = "FieldError")
    public record FieldError(String field, String message) {
    }

    public static Problem of(ProblemType type, String detail, String instance) {
        return new Problem(type.uri().toString(), type.title(), type.status(), detail, instance, null, null, null, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors, currentState, allowedTransitions,
                incidentId);
    }

    public Problem withState(String state, List<String> allowed) {
        return new Problem(type, title, status, detail, instance, errors, state, allowed, incidentId);
    }

    public Problem withIncident(String id) {
        return new Problem(type, title, status, detail, instance, errors, currentState, allowedTransitions, id);
    }
}
