package dev.symbiont.agent;

import dev.symbiont.lifecycle.AgentHistoryEntry;
import dev.symbiont.lifecycle.AgentState;
import dev.symbiont.runtime.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Registering, redefining and reading agents. Each public method is one transaction. */
@ApplicationScoped
@Transactional
public class AgentService {

    private final AgentRepository agents;
    private final AgentConfigurationValidator validator;
    private final Clock clock;

    /** For the CDI proxy only. */
    protected AgentService() {
        this(null, null, null);
    }

    @Inject
    public AgentService(AgentRepository agents, AgentConfigurationValidator validator, Clock clock) {
        this.agents = agents;
        this.validator = validator;
        this.clock = clock;
    }

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

    @Transactional(Transactional.TxType.SUPPORTS)
    public Agent get(UUID id) {
        return agents.find(id).orElseThrow(() -> new AgentNotFoundException(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AgentPage list(AgentQuery query) {
        return agents.page(query);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AgentHistoryEntry> history(UUID id, long afterEntryId, int limit) {
        get(id);
        return agents.history(id, afterEntryId, limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<AgentState, Long> countByState() {
        return agents.countByState();
    }
}
