package dev.symbiont.agent;

import dev.symbiont.lifecycle.AgentHistoryEntry;
import dev.symbiont.lifecycle.AgentState;
import dev.symbiont.runtime.Ids;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    /** Registers an agent; it leaves Initializing at once, for Ready or (invalid configuration) Failed. */
    public Agent register(AgentDefinition definition, String actor) {
        Instant now = clock.instant();
        Agent agent = Agent.register(Ids.newId(), definition, actor, now);
        agent.completeInitialization(validator.problems(definition), actor, now);
        agents.add(agent);
        return agent;
    }

    public Agent redefine(UUID id, AgentDefinition definition, String actor, Long expectedRevision) {
        Agent agent = get(id);
        agent.requireRevision(expectedRevision);
        List<String> problems = validator.problems(definition);
        if (!problems.isEmpty()) {
            throw new InvalidAgentConfigurationException(problems);
        }
        agent.redefine(definition, actor, clock.instant());
        agents.update(agent);
        return agent;
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
