package dev.symbiont.persistence.agent;

import dev.symbiont.persistence.ConcurrentUpdateException;
import dev.symbiont.persistence.Writes;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Queries and writes of agents and their history, in entity terms. Runs inside the caller's transaction. */
public class AgentEntityRepository {

    private final EntityManager em;

    public AgentEntityRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<AgentEntity> find(UUID id) {
        return Optional.ofNullable(em.find(AgentEntity.class, id));
    }

    public void insert(AgentEntity agent) {
        em.persist(agent);
        em.flush();
    }

    /**
     * Writes the changes made to a loaded (managed) agent now, so that losing a race to another transaction is
     * reported here, as {@link ConcurrentUpdateException}, and not later at commit.
     */
    public void flushChanges(AgentEntity agent) {
        Writes.flush(em, "agent " + agent.getId());
    }

    public void append(AgentHistoryEntity event) {
        em.persist(event);
    }

    public List<AgentEntity> page(AgentEntityFilter filter) {
        var jpql = new StringBuilder("select a from AgentEntity a where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.states() != null && !filter.states().isEmpty()) {
            jpql.append(" and a.state in :states");
            params.put("states", filter.states());
        }
        if (filter.nameContains() != null && !filter.nameContains().isBlank()) {
            jpql.append(" and lower(a.name) like :name escape '\\'");
            params.put("name", "%" + escapeLike(filter.nameContains().toLowerCase()) + "%");
        }
        if (filter.capability() != null && !filter.capability().isBlank()) {
            jpql.append(" and array_contains(a.capabilities, :capability)");
            params.put("capability", filter.capability());
        }
        if (filter.dataSensitivity() != null) {
            jpql.append(" and a.dataSensitivity = :sensitivity");
            params.put("sensitivity", filter.dataSensitivity());
        }
        if (filter.afterCreatedAt() != null && filter.afterId() != null) {
            jpql.append(" and (a.createdAt > :afterAt or (a.createdAt = :afterAt and a.id > :afterId))");
            params.put("afterAt", filter.afterCreatedAt());
            params.put("afterId", filter.afterId());
        }
        jpql.append(" order by a.createdAt, a.id");
        var query = em.createQuery(jpql.toString(), AgentEntity.class).setMaxResults(filter.limit());
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /** Number of agents in each state that has any. */
    public Map<String, Long> countByState() {
        var counts = new HashMap<String, Long>();
        em.createQuery("select a.state, count(a) from AgentEntity a group by a.state", Object[].class)
                .getResultList()
                .forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }

    /** History of one agent, oldest first, after the event id {@code afterId} (0 = from the start). */
    public List<AgentHistoryEntity> history(UUID agentId, long afterId, int limit) {
        return em.createQuery("select h from AgentHistoryEntity h where h.agentId = :agent and h.id > :after"
                        + " order by h.id", AgentHistoryEntity.class)
                .setParameter("agent", agentId)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
