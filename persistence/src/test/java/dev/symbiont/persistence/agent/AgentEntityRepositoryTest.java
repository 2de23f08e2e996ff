package dev.symbiont.persistence.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symbiont.persistence.ConcurrentUpdateException;
import dev.symbiont.persistence.MigratedDatabase;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AgentEntityRepositoryTest {

    @RegisterExtension
    static final MigratedDatabase DB = new MigratedDatabase();

    @Test
    void storesEveryFieldOfAnAgentIncludingArraysAndJsonMetadata() {
        UUID id = insert("round-trip", "READY", new String[] {"chat", "search"}, Map.of("team", "risk", "tier", "gold"));

        AgentEntity loaded = inTx(em -> new AgentEntityRepository(em).find(id).orElseThrow());

        assertThat(loaded.getCapabilities()).containsExactly("chat", "search");
        assertThat(loaded.getMetadata()).containsEntry("team", "risk").containsEntry("tier", "gold");
        assertThat(loaded.getExternalApis()).containsExactly("https://api.example.com");
        assertThat(loaded.getCpuCores()).isEqualTo(1.5);
        assertThat(loaded.getRowVersion()).isZero();
    }

    @Test
    void secondWriterOfTheSameVersionLosesWithConcurrentUpdate() {
        UUID id = insert("contended", "READY", new String[0], Map.of());
        EntityManager first = DB.emf().createEntityManager();
        EntityManager second = DB.emf().createEntityManager();
        try {
            first.getTransaction().begin();
            second.getTransaction().begin();
            AgentEntity a = first.find(AgentEntity.class, id);
            AgentEntity b = second.find(AgentEntity.class, id);
            a.setState("RUNNING");
            new AgentEntityRepository(first).flushChanges(a);
            first.getTransaction().commit();

            b.setState("TERMINATED");
            assertThatThrownBy(() -> new AgentEntityRepository(second).flushChanges(b))
                    .isInstanceOf(ConcurrentUpdateException.class);
        } finally {
            if (second.getTransaction().isActive()) {
                second.getTransaction().rollback();
            }
            first.close();
            second.close();
        }
        String state = inTx(em -> em.find(AgentEntity.class, id).getState());
        assertThat(state).isEqualTo("RUNNING");
    }

    @Test
    void pagesByKeysetWithFilters() {
        String prefix = "page-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            insert(prefix + "-" + i, i % 2 == 0 ? "READY" : "FAILED", new String[] {"cap-" + prefix}, Map.of());
        }
        var first = inTx(em -> new AgentEntityRepository(em)
                .page(new AgentEntityFilter(Set.of(), prefix, null, null, null, null, 2)));
        AgentEntity last = first.get(1);
        var second = inTx(em -> new AgentEntityRepository(em).page(
                new AgentEntityFilter(Set.of(), prefix, null, null, last.getCreatedAt(), last.getId(), 10)));
        var ready = inTx(em -> new AgentEntityRepository(em)
                .page(new AgentEntityFilter(Set.of("READY"), null, "cap-" + prefix, "INTERNAL", null, null, 10)));

        assertThat(first).extracting(AgentEntity::getName).containsExactly(prefix + "-0", prefix + "-1");
        assertThat(second).extracting(AgentEntity::getName)
                .containsExactly(prefix + "-2", prefix + "-3", prefix + "-4");
        assertThat(ready).extracting(AgentEntity::getName)
                .containsExactly(prefix + "-0", prefix + "-2", prefix + "-4");
    }

    @Test
    void nameFilterTreatsLikeWildcardsLiterally() {
        insert("under_score", "READY", new String[0], Map.of());
        insert("underXscore", "READY", new String[0], Map.of());

        var found = inTx(em -> new AgentEntityRepository(em)
                .page(new AgentEntityFilter(null, "under_s", null, null, null, null, 10)));

        assertThat(found).extracting(AgentEntity::getName).containsExactly("under_score");
    }

    @Test
    void historyIsReturnedOldestFirstAfterACursor() {
        UUID id = insert("historic", "READY", new String[0], Map.of());
        Instant now = Instant.now();
        inTxVoid(em -> {
            var repo = new AgentEntityRepository(em);
            repo.append(new AgentHistoryEntity(id, "CREATED", null, "INITIALIZING", "test", null, now, 0));
            repo.append(new AgentHistoryEntity(id, "TRANSITION", "INITIALIZING", "READY", "test", "valid", now, 1));
        });
        var all = inTx(em -> new AgentEntityRepository(em).history(id, 0, 10));
        var afterFirst = inTx(em -> new AgentEntityRepository(em).history(id, all.get(0).getId(), 10));

        assertThat(all).extracting(AgentHistoryEntity::getToState).containsExactly("INITIALIZING", "READY");
        assertThat(afterFirst).extracting(AgentHistoryEntity::getToState).containsExactly("READY");
    }

    private UUID insert(String name, String state, String[] capabilities, Map<String, String> metadata) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        inTxVoid(em -> {
            var agent = new AgentEntity(id);
            agent.setName(name);
            agent.setVersion("1.0.0");
            agent.setCapabilities(capabilities);
            agent.setMemoryMb(256);
            agent.setCpuCores(1.5);
            agent.setDiskIoMbps(10);
            agent.setNetworkIoMbps(0);
            agent.setExecutionTimeoutMs(30_000);
            agent.setSandboxTier("AUTO");
            agent.setExternalApis(new String[] {"https://api.example.com"});
            agent.setDataSensitivity("INTERNAL");
            agent.setMetadata(metadata);
            agent.setState(state);
            agent.setStateChangedAt(now);
            agent.setCreatedAt(now);
            agent.setCreatedBy("test");
            agent.setUpdatedAt(now);
            new AgentEntityRepository(em).insert(agent);
        });
        return id;
    }

    private static <T> T inTx(Function<EntityManager, T> work) {
        try (EntityManager em = DB.emf().createEntityManager()) {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        }
    }

    private static void inTxVoid(Consumer<EntityManager> work) {
        inTx(em -> {
            work.accept(em);
            return null;
        });
    }
}
