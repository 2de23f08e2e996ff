package dev.symbiont.web.task;

import dev.symbiont.runtime.NodeIdentity;
import dev.symbiont.scheduler.AgentScheduler;
import dev.symbiont.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The scheduler's state: queue depths, running tasks, capacity used and free. */
@Path("/status")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scheduler", description = "Tasks and the node's capacity")
public class StatusResource {

    @Inject
    AgentScheduler scheduler;

    @Inject
    NodeIdentity node;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "System status", description = "Queue depth per priority, running tasks (per tier), the "
            + "node's capacity and what of it is used and free.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = StatusResponse.class)))
    public StatusResponse status() {
        return StatusResponse.of(node.nodeId(), clock.instant(), scheduler.status(), scheduler.runningPerTier());
    }
}
