package dev.symbiont.scheduler.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.scheduler.TaskPriority;
import dev.symbiont.testing.MigratedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Eight claimers, each on its own connection, racing over one queue as several nodes sharing a database would:
 * every task is claimed exactly once.
 */
class ConcurrentClaimTest {

    @RegisterExtension
    static final MigratedPostgres DB = new MigratedPostgres();

    private static final int CLAIMERS = 8;
    private static final TaskPriority[] PRIORITIES = TaskPriority.values();

    private UUID agentId;

    @BeforeEach
    void emptyQueueAndAgent() throws SQLException {
        TaskFixtures.cancelWaiting(DB.dataSource());
        agentId = TaskFixtures.agent(DB.dataSource());
    }

    private List<UUID> submit(int count) throws SQLException {
        Instant t0 = Instant.parse("2026-11-24T10:00:00Z");
        List<UUID> ids = new ArrayList<>();
        try (Connection c = DB.transactional()) {
            for (int i = 0; i < count; i++) {
                ids.add(TaskFixtures.stored(c, TaskFixtures.task(agentId, PRIORITIES[i % PRIORITIES.length],
                        t0.plusMillis(i % 97))).id());
            }
            c.commit();
        }
        return ids;
    }

    /** Runs one claimer per connection, all released together; returns what each claimed. */
    private static List<List<UUID>> race(Callable<List<UUID>> claimer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLAIMERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<UUID>>> claimers = new ArrayList<>();
            for (int i = 0; i < CLAIMERS; i++) {
                claimers.add(pool.submit(() -> {
                    start.await();
                    return claimer.call();
                }));
            }
            start.countDown();
            List<List<UUID>> claimed = new ArrayList<>();
            for (Future<List<UUID>> f : claimers) {
                claimed.add(f.get());
            }
            return claimed;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<UUID> flat(List<List<UUID>> perClaimer) {
        return perClaimer.stream().flatMap(List::stream).toList();
    }

    @Test
    void claimersTakingTheNextTasksUntilNoneWaitClaimEveryTaskExactlyOnce() throws Exception {
        List<UUID> submitted = submit(2_000);

        List<List<UUID>> perClaimer = race(() -> {
            String node = "node-" + Thread.currentThread().getName();
            Random random = new Random();
            List<UUID> mine = new ArrayList<>();
            try (Connection c = DB.transactional()) {
                while (true) {
                    List<StoredTask> batch = TaskRows.claimNext(c, node, Instant.now(), 1 + random.nextInt(5));
                    c.commit();
                    if (batch.isEmpty()) {
                        return mine;
                    }
                    batch.forEach(t -> mine.add(t.id()));
                }
            }
        });

        List<UUID> claimed = flat(perClaimer);
        assertThat(claimed).hasSize(submitted.size()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(submitted);
        assertThat(perClaimer.stream().filter(list -> !list.isEmpty()).count())
                .as("claimers that got tasks: the race really ran in parallel").isGreaterThan(1);
        assertThat(attemptsAndRunningTransitions(submitted)).as("one claim recorded per task").containsOnly(1L);
    }

    @Test
    void claimersRacingForTheSameTasksClaimEachOnlyOnce() throws Exception {
        List<UUID> submitted = submit(500);

        List<List<UUID>> perClaimer = race(() -> {
            String node = "node-" + Thread.currentThread().getName();
            List<UUID> order = new ArrayList<>(submitted);
            Collections.shuffle(order);
            List<UUID> mine = new ArrayList<>();
            try (Connection c = DB.transactional()) {
                for (UUID id : order) {
                    TaskRows.claim(c, id, node, Instant.now()).ifPresent(t -> mine.add(t.id()));
                    c.commit();
                }
            }
            return mine;
        });

        List<UUID> claimed = flat(perClaimer);
        assertThat(claimed).hasSize(submitted.size()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(submitted);
        assertThat(attemptsAndRunningTransitions(submitted)).containsOnly(1L);
    }

    /** Per task: its attempts, and how many times its history says it started running. */
    private static Set<Long> attemptsAndRunningTransitions(List<UUID> ids) throws SQLException {
        Set<Long> values = new HashSet<>();
        try (Connection c = DB.dataSource().getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT t.attempts, (SELECT count(*) FROM agent_task_transition h WHERE h.task_id = t.id "
                        + "AND h.to_state = 'running') FROM agent_task t WHERE t.id = ANY (?)")) {
            select.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    values.add(row.getLong(1));
                    values.add(row.getLong(2));
                }
            }
        }
        return values;
    }
}
