package dev.symbiont.lifecycle;

import dev.symbiont.agent.Agent;
import dev.symbiont.agent.AgentNotFoundException;
import dev.symbiont.agent.AgentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/**
 * Moves agents between lifecycle states. The rules live in {@link AgentState} and the {@link Agent} aggregate;
 * this controller loads, applies, and stores the change with its history entry in one transaction. Of two
 * concurrent conflicting requests exactly one succeeds: the other sees the new state (an illegal transition) or
 * loses the optimistic-lock race.
 */
@ApplicationScoped
@Transactional
public class LifecycleController {

    private final AgentRepository agents;
    private final Clock clock;

    /** For the CDI proxy only. */
    protected LifecycleController() {
        this(null, null);
    }

    @Inject
    public LifecycleController(AgentRepository agents, Clock clock) {
        this.agents = agents;
        this.clock = clock;
    }

    public Agent transition(UUID agentId, AgentState target, String actor, String reason, Long expectedRevision) {
        Agent agent = agents.find(agentId).orElseThrow(() -> new AgentNotFoundException(agentId));
        agent.requireRevision(expectedRevision);
        agent.transitionTo(target, actor, reason == null || reason.isBlank() ? defaultReason(target) : reason,
                clock.instant());
        agents.update(agent);
        return agent;
    }

    private static String defaultReason(AgentState target) {
        return switch (target) {
            case RUNNING -> "started";
            case READY -> "task complete";
            case SUSPENDED -> "suspended";
            case TERMINATED -> "terminated";
            case FAILED -> "failed";
            case INITIALIZING -> "initializing";
        };
    }
}
