package dev.symbiont.lifecycle;

import dev.symbiont.audit.AgentAuditEntries;
import dev.symbiont.audit.AuditTrail;
import dev.symbiont.agent.Agent;
import dev.symbiont.agent.AgentNotFoundException;
import dev.symbiont.agent.AgentPolicyContexts;
import dev.symbiont.agent.AgentRepository;
import dev.symbiont.policy.PolicyAction;
import dev.symbiont.policy.PolicyCondition;
import dev.symbiont.policy.PolicyEnforcer;
import dev.symbiont.security.Caller;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/**
 * Moves agents between lifecycle states. The rules live in {@link AgentState} and the {@link Agent} aggregate;
 * this controller loads, applies, and stores the change with its history entry in one container transaction. Of two
 * concurrent conflicting requests exactly one succeeds: the other sees the new state (an illegal transition) or
 * loses the optimistic-lock race. What follows from a command for the agent's tasks is the scheduler's business; it
 * hears of the command through {@link AgentCommanded}.
 */
@Stateless
public class LifecycleController {

    @Inject
    AgentRepository agents;

    @Inject
    Clock clock;

    @Inject
    PolicyEnforcer policy;

    @Inject
    AuditTrail audit;

    @Inject
    Event<AgentCommanded> commanded;

    /** Applies a lifecycle command, if policy allows it (action agent.transition). */
    public Agent apply(UUID agentId, LifecycleCommand command, Caller caller, String reason, Long expectedRevision) {
        Agent agent = agents.find(agentId).orElseThrow(() -> new AgentNotFoundException(agentId));
        agent.requireRevision(expectedRevision);
        policy.enforce(AgentPolicyContexts.forCommand(agent, command, caller), PolicyAction.AGENT_TRANSITION,
                caller.actor(), Set.of(PolicyCondition.AuditLevel.class));
        AgentState from = agent.state();
        String why = reason == null || reason.isBlank() ? command.defaultReason() : reason;
        agent.apply(command, caller.actor(), why, clock.instant());
        AgentAuditEntries.of(agent).forEach(audit::record);
        agents.update(agent);
        commanded.fire(new AgentCommanded(agentId, command, from, caller.actor(), why));
        return agent;
    }
}
