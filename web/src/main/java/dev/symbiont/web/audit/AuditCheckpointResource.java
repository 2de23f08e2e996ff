package dev.symbiont.web.audit;

import dev.symbiont.audit.AuditCheckpoints;
import dev.symbiont.audit.format.Checkpoint;
import dev.symbiont.web.Params;
import dev.symbiont.web.problem.ApiExceptions;
import dev.symbiont.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Signed checkpoints of the trail's Merkle tree and consistency proofs between them, for monitors. */
@Path("/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
@Tag(name = "Audit")
public class AuditCheckpointResource {

    @Inject
    AuditCheckpoints checkpoints;

    @GET
    @Path("checkpoints")
    @Operation(summary = "List signed checkpoints", description = "Oldest first, above tree size 'after'.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = CheckpointPageResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public CheckpointPageResponse list(@QueryParam("after") String after, @QueryParam("limit") String limit) {
        int size = Params.integer("limit", limit, 100, 1, 1000);
        List<Checkpoint> page = checkpoints.page(Params.nonNegativeLong("after", after, 0), size + 1);
        List<CheckpointResponse> items = page.stream().limit(size).map(CheckpointResponse::of).toList();
        return new CheckpointPageResponse(items, page.size() > size ? items.getLast().treeSize() : null);
    }

    @GET
    @Path("checkpoints/{treeSize}")
    @Operation(summary = "One signed checkpoint")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = CheckpointResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CheckpointResponse get(@PathParam("treeSize") String treeSize) {
        return CheckpointResponse.of(checkpoints.find(Params.nonNegativeLong("treeSize", treeSize, 0)));
    }

    @GET
    @Path("consistency")
    @Operation(summary = "Consistency proof between two checkpoints", description = "RFC 9162 2.1.4: proves the "
            + "tree of checkpoint 'second' (default: the newest) extends the tree of checkpoint 'first'.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = ConsistencyProofResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ConsistencyProofResponse consistency(@QueryParam("first") String first,
                                                @QueryParam("second") String second) {
        if (first == null || first.isBlank()) {
            throw new ApiExceptions.InvalidParameter("first", "first is required");
        }
        Long newer = second == null || second.isBlank() ? null : Params.nonNegativeLong("second", second, 0);
        return ConsistencyProofResponse.of(checkpoints.consistency(Params.nonNegativeLong("first", first, 0), newer));
    }
}
