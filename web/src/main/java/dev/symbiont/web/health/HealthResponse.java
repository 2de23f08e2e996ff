package dev.symbiont.web.health;

import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Health", description = "Overall status and each component's")
public record HealthResponse(@Schema(enumeration = {"UP", "DOWN"}) String status, String version,
                             Instant startedAt, Long uptimeSeconds, String schemaVersion,
                             Map<String, Component> components) {

    @Schema(name = "ComponentHealth")
    public record Component(@Schema(enumeration = {"UP", "DOWN"}) String status, Long latencyMs, String detail,
                            String error) {
    }
}
