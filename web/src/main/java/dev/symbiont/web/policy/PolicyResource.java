package dev.symbiont.web.policy;

import static dev.symbiont.web.problem.ApiExceptions.requireBody;

import dev.symbiont.policy.PolicyService;
import dev.symbiont.policy.StoredPolicy;
import dev.symbiont.policy.engine.CompiledPolicyEngine;
import dev.symbiont.policy.engine.CompiledPolicySet;
import dev.symbiont.web.Params;
import dev.symbiont.web.problem.ApiExceptions;
import dev.symbiont.web.security.CurrentCaller;
import dev.symbiont.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Policies: admins change them; operators and auditors read them and ask the engine (dry run). */
@Path("/policies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Policies", description = "Declarative policies and the decisions they give")
public class PolicyResource {

    @Inject
    PolicyService policies;

    @Inject
    CompiledPolicyEngine engine;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uriInfo;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "List active policies")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = PolicyResponse[].class)))
    public List<PolicyResponse> list() {
        return policies.list().stream().map(PolicyResponse::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register a policy", description = "The body is the policy document. It is validated as "
            + "a whole; every malformed or contradictory part is reported with its JSON path. In force for the "
            + "next decision once this call returns.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = PolicyResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response register(@RequestBody(required = true) String document) {
        StoredPolicy stored = policies.register(requireBody(blankToNull(document), "a policy document"),
                caller.actor());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(stored.id()).build())
                .tag(etag(stored)).entity(PolicyResponse.of(stored)).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Get a policy")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = PolicyResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") String id) {
        StoredPolicy stored = policies.get(id);
        return Response.ok(PolicyResponse.of(stored)).tag(etag(stored)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace a policy with a new version", description = "If-Match with the ETag you read "
            + "makes sure you replace what you reviewed.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = PolicyResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public Response replace(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @RequestBody(required = true) String document) {
        Long expected = Params.ifMatchRevision(ifMatch);
        if (expected != null && (expected < 1 || expected > Integer.MAX_VALUE)) {
            throw new ApiExceptions.InvalidParameter("If-Match", "If-Match must be a policy version returned by this API");
        }
        StoredPolicy stored = policies.replace(id, requireBody(blankToNull(document), "a policy document"),
                caller.actor(), expected == null ? null : expected.intValue());
        return Response.ok(PolicyResponse.of(stored)).tag(etag(stored)).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a policy", description = "Its revisions are kept.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = PolicyResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PolicyResponse delete(@PathParam("id") String id) {
        return PolicyResponse.of(policies.delete(id, caller.actor()));
    }

    @GET
    @Path("{id}/revisions")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Every change of a policy: who, when, which document")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = PolicyRevisionResponse[].class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<PolicyRevisionResponse> revisions(@PathParam("id") String id) {
        return policies.revisions(id).stream().map(PolicyRevisionResponse::of).toList();
    }

    @POST
    @Path("evaluate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Ask for a decision (dry run) with an explanation",
            description = "Nothing is enforced. The response lists every candidate rule and why it matched or not.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = EvaluationResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public EvaluationResponse evaluate(@RequestBody(required = true) EvaluationRequest request) {
        requireBody(request, "an evaluation request");
        var explanation = engine.explain(request.context(), request.policyAction());
        return EvaluationResponse.of(explanation.decision(), explanation);
    }

    @POST
    @Path("evaluate/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Ask for many decisions at once (dry run)",
            description = "Up to 1000 requests, all decided on the same policy snapshot.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = BatchEvaluationResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public BatchEvaluationResponse evaluateBatch(@RequestBody(required = true) BatchEvaluationRequest batch) {
        requireBody(batch, "a batch of evaluation requests");
        CompiledPolicySet snapshot = engine.current();
        return new BatchEvaluationResponse(batch.requests().stream()
                .map(r -> EvaluationResponse.of(snapshot.evaluate(r.context(), r.policyAction()), null))
                .toList());
    }

    private static EntityTag etag(StoredPolicy policy) {
        return new EntityTag(Integer.toString(policy.version()));
    }

    private static String blankToNull(String body) {
        return body == null || body.isBlank() ? null : body;
    }
}
