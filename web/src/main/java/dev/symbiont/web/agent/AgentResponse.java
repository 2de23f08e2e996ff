package dev.symbiont.web.agent;

import dev.symbiont.agent.Agent;
import dev.symbiont.agent.AgentDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Agent", description = "An agent: its definition and lifecycle state")
public record AgentResponse(
        UUID id, String name, String version, String description, List<String> capabilities,
        ResourceLimitsRequest resourceLimits, String sandboxTier, boolean requiresNetwork,
        boolean requiresFilesystem, List<String> externalApis, String dataSensitivity, Map<String, String> metadata,
        ExecutionSpecRequest execution,
        @Schema(enumeration = {"initializing", "ready", "running", "suspended", "failed", "terminated"}) String state,
        String stateReason, Instant stateChangedAt,
        @Schema(description = "States reachable from the current one") List<String> allowedTransitions,
        Instant createdAt, String createdBy, Instant updatedAt,
        @Schema(description = "Increases with every change; also the ETag, usable in If-Match") long revision) {

    static AgentResponse of(Agent agent) {
        AgentDefinition d = agent.definition();
        return new AgentResponse(agent.id(), d.name(), d.version(), d.description(), d.capabilities(),
                ResourceLimitsRequest.of(d.resourceLimits()), d.sandboxTier().name().toLowerCase(),
                d.requiresNetwork(), d.requiresFilesystem(), d.externalApis(),
                d.dataSensitivity().name().toLowerCase(), d.metadata(), ExecutionSpecRequest.of(d.execution()),
                agent.state().label(), agent.stateReason(),
                agent.stateChangedAt(), AgentStatusResponse.allowed(agent), agent.createdAt(), agent.createdBy(),
                agent.updatedAt(), agent.revision());
    }
}
