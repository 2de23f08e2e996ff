package dev.symbiont.web.agent;

import dev.symbiont.agent.Agent;
import dev.symbiont.lifecycle.AgentState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AgentStatus", description = "An agent's lifecycle state and where it can go from there")
public record AgentStatusResponse(UUID id, String state, String reason, Instant since,
                                  List<String> allowedTransitions, long revision) {

    static AgentStatusResponse of(Agent agent) {
        return new AgentStatusResponse(agent.id(), agent.state().label(), agent.stateReason(),
                agent.stateChangedAt(), allowed(agent), agent.revision());
    }

    static List<String> allowed(Agent agent) {
        return agent.state().allowedTargets().stream().map(AgentState::label).toList();
    }
}
