package dev.symbiont.agent.jpa;

import dev.symbiont.agent.Agent;
import dev.symbiont.agent.AgentConcurrentlyModifiedException;
import dev.symbiont.agent.AgentCursor;
import dev.symbiont.agent.AgentPage;
import dev.symbiont.agent.AgentQuery;
import dev.symbiont.agent.AgentRepository;
import dev.symbiont.lifecycle.AgentHistoryEntry;
import dev.symbiont.lifecycle.AgentState;
import dev.symbiont.persistence.ConcurrentUpdateException;
import dev.symbiont.persistence.agent.AgentEntity;
import dev.symbiont.persistence.agent.AgentEntityFilter;
import dev.symbiont.persistence.agent.AgentEntityRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** {@link AgentRepository} on PostgreSQL through JPA. */
@ApplicationScoped
public class JpaAgentRepository implements AgentRepository {

    @PersistenceContext(unitName = "symbiont")
    EntityManager em;

    @Override
    public Optional<Agent> find(UUID id) {
        return rows().find(id).map(AgentEntityMapper::toAgent);
    }

    @Override
    public void add(Agent agent) {
        AgentEntity entity = AgentEntityMapper.newEntity(agent);
        rows().insert(entity);
        store(agent, entity.getRowVersion());
    }

    @Override
    public void update(Agent agent) {
        AgentEntityRepository rows = rows();
        AgentEntity entity = rows.find(agent.id()).orElseThrow();
        if (entity.getRowVersion() != agent.revision()) {
            throw new AgentConcurrentlyModifiedException(agent.id(), null);
        }
        AgentEntityMapper.copyInto(agent, entity);
        try {
            rows.flushChanges(entity);
        } catch (ConcurrentUpdateException e) {
            throw new AgentConcurrentlyModifiedException(agent.id(), e);
        }
        store(agent, entity.getRowVersion());
    }

    @Override
    public AgentPage page(AgentQuery query) {
        AgentCursor after = query.after();
        var filter = new AgentEntityFilter(
                query.states().stream().map(Enum::name).collect(Collectors.toSet()),
                query.nameContains(), query.capability(),
                query.dataSensitivity() == null ? null : query.dataSensitivity().name(),
                after == null ? null : after.createdAt(), after == null ? null : after.id(),
                query.limit() + 1);
        List<AgentEntity> rows = rows().page(filter);
        boolean more = rows.size() > query.limit();
        List<Agent> items = rows.stream().limit(query.limit()).map(AgentEntityMapper::toAgent).toList();
        Agent last = items.isEmpty() ? null : items.get(items.size() - 1);
        return new AgentPage(items, more ? new AgentCursor(last.createdAt(), last.id()) : null);
    }

    @Override
    public List<AgentHistoryEntry> history(UUID agentId, long afterEntryId, int limit) {
        return rows().history(agentId, afterEntryId, limit).stream().map(AgentEntityMapper::toEntry).toList();
    }

    @Override
    public Map<AgentState, Long> countByState() {
        var counts = new EnumMap<AgentState, Long>(AgentState.class);
        for (AgentState state : AgentState.values()) {
            counts.put(state, 0L);
        }
        rows().countByState().forEach((state, count) -> counts.put(AgentState.valueOf(state), count));
        return counts;
    }

    private void store(Agent agent, long newRevision) {
        AgentEntityRepository rows = rows();
        agent.pendingEvents().forEach(event ->
                rows.append(AgentEntityMapper.toEntity(agent.id(), event, newRevision)));
        agent.markStored(newRevision);
    }

    private AgentEntityRepository rows() {
        return new AgentEntityRepository(em);
    }
}
