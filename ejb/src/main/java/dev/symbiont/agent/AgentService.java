package dev.symbiont.agent;

import dev.symbiont.audit.AgentAuditEntries;
import dev.symbiont.audit.AuditTrail;
import dev.symbiont.lifecycle.AgentHistoryEntry;
import dev.symbiont.lifecycle.AgentState;
import dev.symbiont.policy.PolicyAction;
import dev.symbiont.policy.PolicyCondition;
import dev.symbiont.policy.PolicyContext;
import dev.symbiont.policy.PolicyDecision;
import dev.symbiont.policy.PolicyEnforcer;
import dev.symbiont.runtime.Ids;
import dev.symbiont.security.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Registering, redefining and reading agents. Each business method is one container-managed transaction, reads
 * included: outside a JTA transaction Liberty would run them in a local transaction containment, which reports an
 * incident whenever a rule exception marks it for rollback.
 */
@Stateless
public class AgentService {

    @Inject
    AgentRepository agents;

    @Inject
    AgentConfigurationValidator validator;

    @Inject
    Clock clock;

    @Inject
    PolicyEnforcer policy;

    @Inject
    AuditTrail audit;

    /** What registration can apply of a policy's conditions; any other condition makes it a deny. */
    private static final Set<Class<? extends PolicyCondition>> APPLIED_AT_REGISTRATION = Set.of(
            PolicyCondition.MaxMemoryMb.class, PolicyCondition.MaxCpuCores.class,
            PolicyCondition.MinimumSandboxTier.class, PolicyCondition.AuditLevel.class);

    /**
     * Registers an agent, if policy allows (action agent.create), with the policy's conditions applied to its
     * definition; it leaves Initializing at once, for Ready or (invalid configuration) Failed.
     */
    public Agent register(AgentDefinition requested, Caller caller) {
        // The id exists before the decision so the decision's audit event names the agent it let in (or not).
        UUID id = Ids.newId();
        AgentDefinition definition = allowed(AgentPolicyContexts.forRegistration(id.toString(), requested, caller),
                requested, caller);
        Instant now = clock.instant();
        Agent agent = Agent.register(id, definition, caller.actor(), now);
        agent.completeInitialization(validator.problems(definition), caller.actor(), now);
        AgentAuditEntries.of(agent).forEach(audit::record);
        agents.add(agent);
        return agent;
    }

    /** Replaces the definition; the new one must pass the same policy as a creation would (agent.create). */
    public Agent redefine(UUID id, AgentDefinition requested, Caller caller, Long expectedRevision) {
        Agent agent = get(id);
        agent.requireRevision(expectedRevision);
        AgentDefinition definition = allowed(AgentPolicyContexts.forDefinition(id.toString(), requested, caller),
                requested, caller);
        List<String> problems = validator.problems(definition);
        if (!problems.isEmpty()) {
            throw new InvalidAgentConfigurationException(problems);
        }
        agent.redefine(definition, caller.actor(), clock.instant());
        AgentAuditEntries.of(agent).forEach(audit::record);
        agents.update(agent);
        return agent;
    }

    private AgentDefinition allowed(PolicyContext context, AgentDefinition requested, Caller caller) {
        PolicyDecision decision = policy.enforce(context, PolicyAction.AGENT_CREATE, caller.actor(),
                APPLIED_AT_REGISTRATION);
        return decision instanceof PolicyDecision.AllowWithConditions conditional
                ? requested.constrainedBy(conditional.conditions()) : requested;
    }

    public Agent get(UUID id) {
        return agents.find(id).orElseThrow(() -> new AgentNotFoundException(id));
    }

    public AgentPage list(AgentQuery query) {
        return agents.page(query);
    }

    public List<AgentHistoryEntry> history(UUID id, long afterEntryId, int limit) {
        get(id);
        return agents.history(id, afterEntryId, limit);
    }

    public Map<AgentState, Long> countByState() {
        return agents.countByState();
    }
}
