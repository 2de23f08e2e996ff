package dev.symbiont.web.audit;

import dev.symbiont.audit.AuditIntegrity;
import dev.symbiont.audit.chain.SealerLoop;
import dev.symbiont.web.Params;
import dev.symbiont.web.problem.ApiExceptions;
import dev.symbiont.web.security.CurrentCaller;
import dev.symbiont.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Verification of the stored trail and signed exports for offline verification. */
@Path("/audit")
@RequestScoped
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
@Tag(name = "Audit")
public class AuditIntegrityResource {

    @Inject
    AuditIntegrity integrity;

    @Inject
    SealerLoop sealer;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verify the trail", description = "Checks the hash chain, every seal signature and every "
            + "checkpoint root over the seq range [from, to] (default: everything), widened to whole seals. "
            + "Each failure names the event (seq, id) and what failed.")
    @APIResponse(responseCode = "200", description = "The verification result (valid or not)",
            content = @Content(schema = @Schema(implementation = VerificationResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public VerificationResponse verify(@QueryParam("from") String from, @QueryParam("to") String to) {
        sealer.awaitSealed(AuditResource.READ_YOUR_WRITES);
        return VerificationResponse.of(integrity.verify(range(from, to)));
    }

    @GET
    @Path("export")
    @Produces("application/zip")
    @Operation(summary = "Export a signed bundle", description = "A ZIP of events, seals, a fresh checkpoint with "
            + "inclusion proofs and a signed manifest (audit-verifier/FORMAT.md), for the offline verifier.")
    @APIResponse(responseCode = "200", description = "The bundle")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to) {
        AuditIntegrity.Range range = range(from, to);
        sealer.awaitSealed(AuditResource.READ_YOUR_WRITES);
        integrity.requireEvents(range);
        String actor = caller.actor();
        StreamingOutput body = out -> integrity.export(range, actor, out);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"symbiont-audit-bundle.zip\"").build();
    }

    private static AuditIntegrity.Range range(String from, String to) {
        Long fromSeq = from == null || from.isBlank() ? null : Params.nonNegativeLong("from", from, 0);
        Long toSeq = to == null || to.isBlank() ? null : Params.nonNegativeLong("to", to, 0);
        if (fromSeq != null && toSeq != null && fromSeq > toSeq) {
            throw new ApiExceptions.InvalidParameter("from", "from must not exceed to");
        }
        return new AuditIntegrity.Range(fromSeq, toSeq);
    }
}
