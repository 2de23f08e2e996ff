package dev.symbiont.web.audit;

import dev.symbiont.audit.AuditQuery;
import dev.symbiont.audit.feed.AuditFeed;
import dev.symbiont.web.Params;
import dev.symbiont.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The trail as it grows, for monitoring tools: Server-Sent Events, resumable with Last-Event-ID. */
@Path("/audit/events/stream")
@RequestScoped
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
@Tag(name = "Audit")
public class AuditStreamResource {

    @Inject
    AuditFeed feed;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Stream audit events", description = "Each sealed event as it is sealed (id = seq, event = "
            + "type, data = the event). Filters as for the list. A client that reconnects with Last-Event-ID (or "
            + "passes after=seq) first gets every matching event after that seq from storage, then live ones, in "
            + "seq order and without gaps. An 'overflow' event means the client fell behind: reconnect.")
    @APIResponse(responseCode = "200", description = "text/event-stream")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public void stream(@Context SseEventSink sink, @Context Sse sse,
                       @HeaderParam("Last-Event-ID") String lastEventId, @QueryParam("after") String after,
                       @QueryParam("agent_id") String agentId, @QueryParam("type") List<String> types,
                       @QueryParam("decision") String decision) {
        boolean reconnect = lastEventId != null && !lastEventId.isBlank();
        String resumeFrom = reconnect ? lastEventId : after;
        Long afterSeq = resumeFrom == null || resumeFrom.isBlank() ? null
                : Params.nonNegativeLong(reconnect ? "Last-Event-ID" : "after", resumeFrom, 0);
        var filter = new AuditQuery(agentId == null || agentId.isBlank() ? null : Params.uuid("agent_id", agentId),
                AuditResource.types(types), null, null, AuditResource.decision(decision), null, 1);
        feed.open(filter, afterSeq, new SseFeedSink(sink, sse));
    }
}
