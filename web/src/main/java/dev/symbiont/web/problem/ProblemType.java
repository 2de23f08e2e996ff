package dev.symbiont.web.problem;

import java.net.URI;

/** Every kind of error the API returns, each with a stable type URI (RFC 9457) and status. */
public enum ProblemType {
    MALFORMED_REQUEST(400, "Malformed request body"),
    VALIDATION_FAILED(400, "Request validation failed"),
    INVALID_PARAMETER(400, "Invalid query or path parameter"),
    INVALID_POLICY(400, "Invalid policy document"),
    UNKNOWN_FRAMEWORK(400, "Unknown compliance framework"),
    UNAUTHENTICATED(401, "Authentication required"),
    FORBIDDEN(403, "Not allowed for this role"),
    POLICY_DENIED(403, "Denied by policy"),
    NOT_FOUND(404, "Resource not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "No acceptable representation"),
    ILLEGAL_TRANSITION(409, "Lifecycle transition not allowed"),
    AGENT_NOT_EDITABLE(409, "Agent cannot be changed in its current state"),
    CONCURRENT_MODIFICATION(409, "Concurrent modification"),
    LAST_ADMIN_KEY(409, "Last admin key"),
    POLICY_EXISTS(409, "Policy id already registered"),
    REPORT_NOT_READY(409, "Compliance report not ready"),
    AGENT_NOT_RUNNABLE(409, "Agent cannot be executed now"),
    IDEMPOTENCY_KEY_REUSED(409, "Idempotency key already used for another request"),
    TASK_NOT_CANCELLABLE(409, "Task cannot be cancelled"),
    PRECONDITION_FAILED(412, "Precondition failed"),
    PAYLOAD_TOO_LARGE(413, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    INVALID_CONFIGURATION(422, "Agent configuration cannot run on this node"),
    SANDBOX_REFUSED(422, "The sandbox cannot run this execution safely"),
    RESOURCE_REQUEST_REJECTED(422, "Resource request cannot be placed on this node"),
    SANDBOX_FAILED(502, "The sandbox failed during the execution"),
    SANDBOX_UNAVAILABLE(503, "Sandbox unavailable"),
    SANDBOX_BUSY(503, "Sandbox at capacity"),
    SERVICE_UNAVAILABLE(503, "Service temporarily unavailable"),
    INTERNAL_ERROR(500, "Internal error");

    public static final String BASE = "https://symbiont.dev/problems/";

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return URI.create(BASE + name().toLowerCase().replace('_', '-'));
    }

    /** The generic type for a status the JAX-RS runtime itself decided (unknown path, wrong method...). */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 412 -> PRECONDITION_FAILED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
        };
    }
}
