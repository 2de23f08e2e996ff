package dev.symbiont.web.openapi;

import dev.symbiont.web.problem.ProblemExceptionMapper;
import dev.symbiont.web.problem.ProblemType;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the OpenAPI document with the error model: named problem responses that operations reference
 * ({@code ref = "NotFound"}), and on every operation the errors any request can meet (401, 403, 413, 415, 500, 503).
 */
public class ProblemResponsesFilter implements OASFilter {

    /** Extension marking an operation that needs no authentication (its security becomes an empty list). */
    public static final String PUBLIC = "x-symbiont-public";

    private static final Map<String, String> NAMED = Map.of(
            "BadRequest", "Malformed body, invalid field or parameter (malformed-request, validation-failed, "
                    + "invalid-parameter, invalid-policy, unknown-framework)",
            "NotFound", "No such resource (not-found)",
            "Conflict", "Not possible in the current state (illegal-transition, agent-not-editable, "
                    + "concurrent-modification, last-admin-key, policy-exists, report-not-ready, agent-not-runnable)",
            "PreconditionFailed", "If-Match does not match the current revision (precondition-failed)",
            "InvalidConfiguration", "The definition cannot run on this node (invalid-configuration)",
            "SandboxRefused", "The chosen sandbox tier cannot run this execution safely, e.g. an image the engine "
                    + "does not have or network on a tier without (sandbox-refused)",
            "SandboxFailed", "The sandbox engine failed during the execution (sandbox-failed)");

    @Override
    public Operation filterOperation(Operation operation) {
        boolean secured = true;
        if (operation.getExtensions() != null && operation.getExtensions().containsKey(PUBLIC)) {
            operation.removeExtension(PUBLIC);
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values().forEach(r -> r.removeExtension(PUBLIC));
            }
            operation.setSecurity(new java.util.ArrayList<>());
            secured = false;
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return operation;
        }
        if (secured) {
            add(responses, "401", ProblemType.UNAUTHENTICATED.title() + " (unauthenticated)");
            add(responses, "403", ProblemType.FORBIDDEN.title() + " (forbidden), or " + ProblemType.POLICY_DENIED
                    .title().toLowerCase() + " (policy-denied)");
        }
        add(responses, "413", ProblemType.PAYLOAD_TOO_LARGE.title() + " (payload-too-large)");
        add(responses, "415", ProblemType.UNSUPPORTED_MEDIA_TYPE.title() + " (unsupported-media-type)");
        add(responses, "500", ProblemType.INTERNAL_ERROR.title() + "; incident_id points to the server log");
        add(responses, "503", ProblemType.SERVICE_UNAVAILABLE.title() + " (service-unavailable, "
                + "sandbox-unavailable, sandbox-busy)");
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        NAMED.forEach((name, description) -> openAPI.getComponents().addResponse(name, problem(description)));
    }

    private static void add(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, problem(description));
        }
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(ProblemExceptionMapper.PROBLEM_JSON,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
    }
}
