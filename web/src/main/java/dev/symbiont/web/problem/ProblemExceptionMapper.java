package dev.symbiont.web.problem;

import dev.symbiont.agent.AgentConcurrentlyModifiedException;
import dev.symbiont.agent.AgentCursor;
import dev.symbiont.agent.AgentNotEditableException;
import dev.symbiont.agent.AgentNotFoundException;
import dev.symbiont.agent.AgentNotRunnableException;
import dev.symbiont.execution.ExecutionInputTooLargeException;
import dev.symbiont.execution.ExecutionNotFoundException;
import dev.symbiont.execution.SandboxBusyException;
import dev.symbiont.scheduler.IdempotencyKeyReusedException;
import dev.symbiont.scheduler.ResourceRequestRejectedException;
import dev.symbiont.scheduler.TaskNotCancellableException;
import dev.symbiont.scheduler.TaskNotFoundException;
import dev.symbiont.sandbox.SandboxFailureException;
import dev.symbiont.sandbox.SandboxRequestRefusedException;
import dev.symbiont.sandbox.SandboxUnavailableException;
import dev.symbiont.audit.AuditEventNotFoundException;
import dev.symbiont.audit.CheckpointNotFoundException;
import dev.symbiont.audit.InvalidAuditRangeException;
import dev.symbiont.audit.InvalidCheckpointPairException;
import dev.symbiont.audit.feed.FeedCapacityException;
import dev.symbiont.agent.InvalidAgentConfigurationException;
import dev.symbiont.compliance.UnknownFrameworkException;
import dev.symbiont.compliance.job.InvalidReportPeriodException;
import dev.symbiont.compliance.job.ReportNotFoundException;
import dev.symbiont.compliance.job.ReportNotReadyException;
import dev.symbiont.lifecycle.AgentState;
import dev.symbiont.lifecycle.IllegalTransitionException;
import dev.symbiont.lifecycle.RevisionMismatchException;
import dev.symbiont.migration.SchemaMigrator;
import dev.symbiont.persistence.ConcurrentUpdateException;
import dev.symbiont.policy.PolicyConflictException;
import dev.symbiont.policy.PolicyDeniedException;
import dev.symbiont.policy.PolicyNotFoundException;
import dev.symbiont.policy.document.InvalidPolicyException;
import dev.symbiont.security.ApiKeyNotFoundException;
import dev.symbiont.security.LastAdminKeyException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place that turns an exception into an HTTP response: status, problem type, body and log level.
 * Client errors are logged at FINE (they are the client's business); server errors at SEVERE with an incident id
 * that the response carries, so nothing internal leaks but every 500 can be found in the log.
 */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<Throwable> {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable thrown) {
        try {
            return respond(thrown);
        } catch (RuntimeException | LinkageError mapperFailure) {
            // never let a failure here turn into the server's HTML error page
            LOG.log(Level.SEVERE, "mapping " + thrown + " failed", mapperFailure);
            return Response.status(500).type(PROBLEM_JSON)
                    .entity(Problem.of(ProblemType.INTERNAL_ERROR, "internal error", null)).build();
        }
    }

    private Response respond(Throwable thrown) {
        Problem problem = toProblem(thrown);
        if (problem.status() >= 500) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "incident " + incident + " at " + path(), thrown);
            problem = problem.withIncident(incident);
        } else {
            LOG.log(Level.FINE, () -> problemSummary(thrown));
        }
        var response = Response.status(problem.status()).type(PROBLEM_JSON).entity(problem);
        if (problem.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"symbiont\"");
        }
        if (thrown instanceof WebApplicationException web && web.getResponse() != null
                && web.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            response.header(HttpHeaders.ALLOW, web.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return response.build();
    }

    private Problem toProblem(Throwable thrown) {
        Throwable cause = rootOfInterest(thrown);
        return switch (cause) {
            case ApiExceptions.PayloadTooLarge e -> problem(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage());
            case ApiExceptions.InvalidBody e -> problem(ProblemType.VALIDATION_FAILED, e.getMessage())
                    .withErrors(FieldErrors.of(e.violations()));
            case ConstraintViolationException e -> problem(ProblemType.VALIDATION_FAILED,
                    "the request has " + e.getConstraintViolations().size() + " invalid field(s)")
                    .withErrors(FieldErrors.of(e.getConstraintViolations()));
            case ApiExceptions.MissingBody e -> problem(ProblemType.MALFORMED_REQUEST, e.getMessage());
            case JsonbException e -> problem(ProblemType.MALFORMED_REQUEST, JsonErrors.describe(e));
            case JsonException e -> problem(ProblemType.MALFORMED_REQUEST, JsonErrors.describe(e));
            case AgentCursor.InvalidCursorException e -> problem(ProblemType.INVALID_PARAMETER, e.getMessage())
                    .withErrors(List.of(new Problem.FieldError("cursor", e.getMessage())));
            case ApiExceptions.InvalidParameter e -> problem(ProblemType.INVALID_PARAMETER, e.getMessage())
                    .withErrors(List.of(new Problem.FieldError(e.parameter(), e.getMessage())));
            case ApiExceptions.AuthenticationRequired e -> problem(ProblemType.UNAUTHENTICATED, e.getMessage());
            case ApiExceptions.AccessDenied e -> problem(ProblemType.FORBIDDEN, e.getMessage());
            case AgentNotFoundException e -> problem(ProblemType.NOT_FOUND, e.getMessage());
            case ApiKeyNotFoundException e -> problem(ProblemType.NOT_FOUND, e.getMessage());
            case IllegalTransitionException e -> problem(ProblemType.ILLEGAL_TRANSITION, e.getMessage())
                    .withState(e.current().label(), e.allowed().stream().map(AgentState::label).toList());
            case AgentNotEditableException e -> problem(ProblemType.AGENT_NOT_EDITABLE, e.getMessage())
                    .withState(e.state().label(), null);
            case AgentConcurrentlyModifiedException e -> problem(ProblemType.CONCURRENT_MODIFICATION, e.getMessage());
            case ConcurrentUpdateException e -> problem(ProblemType.CONCURRENT_MODIFICATION, e.getMessage());
            case RevisionMismatchException e -> problem(ProblemType.PRECONDITION_FAILED, e.getMessage());
            case LastAdminKeyException e -> problem(ProblemType.LAST_ADMIN_KEY, e.getMessage());
            case InvalidPolicyException e -> problem(ProblemType.INVALID_POLICY,
                    "the policy document has " + e.violations().size() + " problem(s)")
                    .withErrors(e.violations().stream().map(v -> new Problem.FieldError(v.path(), v.message())).toList());
            case PolicyNotFoundException e -> problem(ProblemType.NOT_FOUND, e.getMessage());
            case AuditEventNotFoundException e -> problem(ProblemType.NOT_FOUND, e.getMessage());
            case InvalidAuditRangeException e -> problem(ProblemType.INVALID_PARAMETER, e.getMessage());
            case UnknownFrameworkException e -> problem(ProblemType.UNKNOWN_FRAMEWORK, e.getMessage())
                    .withErrors(List.of(new Problem.FieldError("framework", "one of " + e.known())));
            case InvalidReportPeriodException e -> problem(ProblemType.VALIDATION_FAILED, e.getMessage())
                    .withErrors(List.of(new Problem.FieldError(e.field(), e.getMessage())));
            case ReportNotFoundException e -> problem(ProblemType.NOT_FOUND, e.getMessage());
            case ReportNotReadyException e -> problem(ProblemType.REPORT_NOT_READY, e.getMessage());
            case CheckpointNotFoundException e -> problem(ProblemType.NOT_FOUND, e.getMessage());
            case InvalidCheckpointPairException e -> problem(ProblemType.INVALID_PARAMETER, e.getMessage())
                    .withErrors(List.of(new Problem.FieldError("first", e.getMessage())));
            case FeedCapacityException e -> problem(ProblemType.SERVICE_UNAVAILABLE, e.getMessage());
            case AgentNotRunnableException e -> problem(ProblemType.AGENT_NOT_RUNNABLE, e.getMessage());
            case ExecutionNotFoundException e -> problem(ProblemType.NOT_FOUND, e.getMessage());
            case TaskNotFoundException e -> problem(ProblemType.NOT_FOUND, e.getMessage());
            case IdempotencyKeyReusedException e -> problem(ProblemType.IDEMPOTENCY_KEY_REUSED, e.getMessage());
            case TaskNotCancellableException e -> problem(ProblemType.TASK_NOT_CANCELLABLE, e.getMessage());
            case ResourceRequestRejectedException e -> problem(ProblemType.RESOURCE_REQUEST_REJECTED, e.getMessage());
            case ExecutionInputTooLargeException e -> problem(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage());
            case SandboxBusyException e -> problem(ProblemType.SANDBOX_BUSY, e.getMessage());
            case SandboxUnavailableException e -> problem(ProblemType.SANDBOX_UNAVAILABLE, e.getMessage());
            case SandboxRequestRefusedException e -> problem(ProblemType.SANDBOX_REFUSED, e.getMessage());
            case SandboxFailureException e -> problem(ProblemType.SANDBOX_FAILED, e.getMessage());
            case PolicyDeniedException e -> problem(ProblemType.POLICY_DENIED, e.getMessage());
            case PolicyConflictException e -> problem(e.stale() ? ProblemType.PRECONDITION_FAILED
                    : ProblemType.POLICY_EXISTS, e.getMessage());
            case InvalidAgentConfigurationException e -> problem(ProblemType.INVALID_CONFIGURATION, e.getMessage())
                    .withErrors(e.problems().stream().map(p -> new Problem.FieldError("definition", p)).toList());
            case SchemaMigrator.DatabaseUnavailableException e ->
                    problem(ProblemType.SERVICE_UNAVAILABLE, "the database is not reachable; retry later");
            case SQLTransientConnectionException e ->
                    problem(ProblemType.SERVICE_UNAVAILABLE, "the database is not reachable; retry later");
            case WebApplicationException e -> fromJaxRs(e);
            default -> problem(ProblemType.INTERNAL_ERROR, "internal error");
        };
    }

    private Problem fromJaxRs(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (type) {
            case NOT_FOUND -> "no resource at " + path();
            case METHOD_NOT_ALLOWED -> "this resource does not support the request method";
            case UNSUPPORTED_MEDIA_TYPE -> "send the body as application/json";
            case NOT_ACCEPTABLE -> "this resource produces application/json";
            case INTERNAL_ERROR -> "internal error";
            default -> e.getMessage();
        };
        return new Problem(type.uri().toString(), type.title(), status >= 400 ? status : 500, detail, path(),
                null, null, null, null);
    }

    /**
     * Frameworks wrap what we care about (JSON-B in a ProcessingException, a constraint violation in an EJB or
     * transaction exception). Walk the chain to the first cause this mapper knows; otherwise keep the original.
     */
    private static Throwable rootOfInterest(Throwable thrown) {
        // a body cut off for size may surface wrapped as a JSON error; the size is the real reason
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiExceptions.PayloadTooLarge) {
                return t;
            }
        }
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiExceptions.PayloadTooLarge || t instanceof ConstraintViolationException
                    || t instanceof JsonbException || t instanceof JsonException
                    || t instanceof SQLTransientConnectionException || isDomain(t)) {
                return t;
            }
        }
        if (causedByConnectionFailure(thrown)) {
            return new SQLTransientConnectionException("database unreachable");
        }
        return thrown;
    }

    private static boolean isDomain(Throwable t) {
        String pkg = t.getClass().getPackageName();
        return pkg.startsWith("dev.symbiont.");
    }

    /** PostgreSQL's SQLState class 08 = connection exception. */
    private static boolean causedByConnectionFailure(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private Problem problem(ProblemType type, String detail) {
        return Problem.of(type, detail, path());
    }

    private String path() {
        return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
    }

    private static String problemSummary(Throwable thrown) {
        return thrown.getClass().getSimpleName() + ": " + thrown.getMessage();
    }
}
