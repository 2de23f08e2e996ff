package dev.symbiont.web.audit;

import dev.symbiont.audit.AuditEventNotFoundException;
import dev.symbiont.audit.AuditEventType;
import dev.symbiont.audit.AuditLog;
import dev.symbiont.audit.AuditPage;
import dev.symbiont.audit.AuditQuery;
import dev.symbiont.audit.chain.SealerLoop;
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
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The audit trail for auditors: query events, fetch one with its proofs. Reads first wait (briefly) for the sealer,
 * so an action acknowledged before the request is in the answer.
 */
@Path("/audit/events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
@Tag(name = "Audit", description = "The signed, hash-chained audit trail")
public class AuditResource {

    static final Duration READ_YOUR_WRITES = Duration.ofSeconds(5);

    @Inject
    AuditLog log;

    @Inject
    SealerLoop sealer;

    @GET
    @Operation(summary = "List audit events", description = "Filters combine (all must hold). Keyset paging: pass "
            + "the response's next_after as after. type may repeat.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = AuditPageResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public AuditPageResponse list(@QueryParam("agent_id") String agentId, @QueryParam("type") List<String> types,
                                  @QueryParam("from") String from, @QueryParam("to") String to,
                                  @QueryParam("decision") String decision, @QueryParam("after") String after,
                                  @QueryParam("limit") String limit) {
        var query = new AuditQuery(agentId == null || agentId.isBlank() ? null : Params.uuid("agent_id", agentId),
                types(types), Params.instant("from", from), Params.instant("to", to), decision(decision),
                after == null || after.isBlank() ? null : Params.nonNegativeLong("after", after, 0),
                Params.integer("limit", limit, 100, 1, 1000));
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            throw new ApiExceptions.InvalidParameter("from", "from must be before to");
        }
        sealer.awaitSealed(READ_YOUR_WRITES);
        AuditPage page = log.page(query);
        return new AuditPageResponse(page.items().stream().map(AuditEventResponse::of).toList(),
                page.nextAfterSeq());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One audit event with its proofs", description = "The event with its hashes, the seal "
            + "whose Ed25519 signature covers it, and its RFC 9162 inclusion proof in a signed checkpoint.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = ProvenEventResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ProvenEventResponse get(@PathParam("id") String id) {
        UUID eventId = Params.uuid("id", id);
        sealer.awaitSealed(READ_YOUR_WRITES);
        return log.find(eventId).map(ProvenEventResponse::of)
                .orElseThrow(() -> new AuditEventNotFoundException(eventId));
    }

    static Set<AuditEventType> types(List<String> names) {
        Set<AuditEventType> types = EnumSet.noneOf(AuditEventType.class);
        for (String name : names == null ? List.<String>of() : names) {
            if (!name.isBlank()) {
                types.add(AuditEventType.fromWireName(name.strip()).orElseThrow(() ->
                        new ApiExceptions.InvalidParameter("type", "type must be one of " + Arrays.stream(
                                AuditEventType.values()).map(AuditEventType::wireName).toList()
                                + ", was '" + name + "'")));
            }
        }
        return types;
    }

    static String decision(String decision) {
        if (decision == null || decision.isBlank()) {
            return null;
        }
        String value = decision.strip().toLowerCase(Locale.ROOT);
        if (!Set.of("allow", "deny", "allow_with_conditions").contains(value)) {
            throw new ApiExceptions.InvalidParameter("decision",
                    "decision must be one of allow, deny, allow_with_conditions");
        }
        return value;
    }
}
