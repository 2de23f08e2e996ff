package dev.symbiont.web.security;

import dev.symbiont.security.ApiKeyService;
import dev.symbiont.security.IssuedApiKey;
import dev.symbiont.security.Role;
import static dev.symbiont.web.problem.ApiExceptions.requireBody;

import dev.symbiont.web.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
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

/** API key administration: admins only. */
@Path("/api-keys")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API keys", description = "Credentials of API clients")
public class ApiKeyResource {

    @Inject
    ApiKeyService apiKeys;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uriInfo;

    @POST
    @Operation(summary = "Issue an API key", description = "The response carries the token; it is never shown again.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = IssuedApiKeyResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response issue(@RequestBody(required = true) ApiKeyRequest request) {
        requireBody(request, "a key request");
        IssuedApiKey issued = apiKeys.issue(request.name(), Role.valueOf(request.role().toUpperCase()),
                request.expiresAt(), caller.actor());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(issued.key().id().toString()).build())
                .header("Cache-Control", "no-store")
                .entity(new IssuedApiKeyResponse(ApiKeyResponse.of(issued.key()), issued.token().reveal()))
                .build();
    }

    @GET
    @Operation(summary = "List API keys")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = ApiKeyResponse[].class)))
    public List<ApiKeyResponse> list(@QueryParam("include_revoked") boolean includeRevoked) {
        return apiKeys.list(includeRevoked).stream().map(ApiKeyResponse::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an API key")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = ApiKeyResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ApiKeyResponse get(@PathParam("id") String id) {
        return ApiKeyResponse.of(apiKeys.get(Params.uuid("id", id)));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke an API key", description = "Takes effect at once on this node, within "
            + "symbiont.security.auth-cache-ttl on others. The last active admin key cannot be revoked.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = ApiKeyResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ApiKeyResponse revoke(@PathParam("id") String id) {
        return ApiKeyResponse.of(apiKeys.revoke(Params.uuid("id", id), caller.actor()));
    }
}
