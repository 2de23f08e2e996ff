package dev.symbiont.web.audit;

import dev.symbiont.audit.keys.SigningKeys;
import dev.symbiont.web.security.CurrentCaller;
import dev.symbiont.web.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public keys that verify the trail (public by nature), and their rotation (admins). */
@Path("/audit/keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditKeysResource {

    @Inject
    SigningKeys keys;

    @Inject
    CurrentCaller caller;

    @GET
    @PermitAll
    @Operation(summary = "Published audit signing keys", description = "Ed25519 public keys with their validity "
            + "periods; a signature is valid only under a key valid at the signed time.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = SigningKeysResponse.class)))
    public SigningKeysResponse list() {
        return new SigningKeysResponse(keys.published().stream().map(SigningKeyResponse::of).toList());
    }

    @POST
    @Path("rotate")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rotate this node's signing key", description = "A new key signs from now on; the old "
            + "key's validity ends at the same instant. The rotation is itself an audit event.")
    @APIResponse(responseCode = "200", description = "The new key",
            content = @Content(schema = @Schema(implementation = SigningKeyResponse.class)))
    public SigningKeyResponse rotate() {
        return SigningKeyResponse.of(keys.rotate(caller.actor()));
    }
}
