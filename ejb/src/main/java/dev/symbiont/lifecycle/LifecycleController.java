package dev.symbiont.lifecycle;

import dev.symbiont.agent.Agent;
import dev.symbiont.agent.AgentNotFoundException;
import dev.symbiont.agent.AgentRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.UUID;

/**
 * Moves agents between lifecycle states. The rules live in {@link AgentState} and the {@link Agent} aggregate;
 * this controller loads, applies, and stores the change with its history entry in one container transaction. Of two
 * concurrent conflicting requests exactly one succeeds: the other sees the new state (an illegal transition) or
 * loses the optimistic-lock race.
 */
@Stateless
public class LifecycleController {

    @Inject
    AgentRepository agents;

    @Inject
    Clock clock;

    public Agent apply(UUID agentId, LifecycleCommand command, String actor, String reason, Long expectedRevision) {
        Agent agent = agents.find(agentId).orElseThrow(() -> new AgentNotFoundException(agentId));
        agent.requireRevision(expectedRevision);
        agent.apply(command, actor, reason == null || reason.isBlank() ? command.defaultReason() : reason,
                clock.instant());
        agents.update(agent);
        return agent;
    }
}
