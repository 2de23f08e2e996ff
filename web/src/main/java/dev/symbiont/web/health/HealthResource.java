package dev.symbiont.web.health;

import dev.symbiont.runtime.DatabaseProbe;
import dev.symbiont.sandbox.SandboxHealth;
import dev.symbiont.sandbox.Sandboxes;
import dev.symbiont.runtime.RuntimeStatus;
import dev.symbiont.web.openapi.ProblemResponsesFilter;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/health}, the runtime's own summary (as the public Symbiont runtime has it). Orchestrators
 * should use MicroProfile Health's /health/live, /health/ready and /health/started.
 */
@Path("/health")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Health")
public class HealthResource {

    @Inject
    DatabaseProbe database;

    @Inject
    RuntimeStatus status;

    @Inject
    Sandboxes sandboxes;

    @Inject
    Clock clock;

    @GET
    @Extension(name = ProblemResponsesFilter.PUBLIC, value = "true")
    @Operation(summary = "Runtime health", description = "No authentication. 503 when any component is down.")
    @APIResponse(responseCode = "200", description = "Every component is up",
            content = @Content(schema = @Schema(implementation = HealthResponse.class)))
    @APIResponse(responseCode = "503", description = "A component is down", content = @Content(schema = @Schema(implementation = HealthResponse.class)))
    public Response health() {
        DatabaseProbe.Result db = database.probe();
        List<SandboxHealth> tiers = sandboxes.health();
        boolean up = db.up() && status.isStarted() && tiers.stream().allMatch(SandboxHealth::up);
        Map<String, HealthResponse.Component> components = new LinkedHashMap<>();
        components.put("database", new HealthResponse.Component(db.up() ? "UP" : "DOWN", db.latencyMillis(),
                null, db.error()));
        for (SandboxHealth tier : tiers) {
            components.put("sandbox_" + tier.tier().name().toLowerCase(), new HealthResponse.Component(
                    tier.up() ? "UP" : "DOWN", null, tier.up() ? tier.detail() : null,
                    tier.up() ? null : tier.detail()));
        }
        var body = new HealthResponse(up ? "UP" : "DOWN", version(), status.startedAt(),
                status.startedAt() == null ? null : Duration.between(status.startedAt(), clock.instant()).toSeconds(),
                status.schemaVersion(), components);
        return Response.status(up ? 200 : 503).entity(body).build();
    }

    private static String version() {
        String v = HealthResource.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
