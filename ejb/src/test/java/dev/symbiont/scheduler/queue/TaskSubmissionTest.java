package dev.symbiont.scheduler.queue;

import static dev.symbiont.scheduler.queue.TaskFixtures.SMALL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.scheduler.ResourceRequest;
import dev.symbiont.scheduler.TaskPriority;
import dev.symbiont.scheduler.TaskState;
import dev.symbiont.testing.MigratedPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Storing submissions on real PostgreSQL with the production migrations: round trip, idempotency key, paging. */
class TaskSubmissionTest {

    @RegisterExtension
    static final MigratedPostgres DB = new MigratedPostgres();

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00.123456Z");

    private UUID agentId;

    @BeforeEach
    void agent() throws SQLException {
        agentId = TaskFixtures.agent(DB.dataSource());
    }

    private NewTask keyed(String key, TaskPriority priority, String input) {
        return new NewTask(UUID.randomUUID(), agentId, priority, SMALL, input.getBytes(StandardCharsets.UTF_8),
                Optional.of(key), 3, "apikey:ops(k1)", T0);
    }

    @Test
    void aSubmittedTaskReadsBackQueuedWithItsWholeSubmission() throws SQLException {
        var resources = new ResourceRequest(128, 1.25, 40, 5, Duration.ofMillis(45_500));
        NewTask submitted = new NewTask(UUID.randomUUID(), agentId, TaskPriority.HIGH, resources,
                "hello".getBytes(StandardCharsets.UTF_8), Optional.of("order-17"), 4, "apikey:ops(k1)", T0);
        try (Connection c = DB.dataSource().getConnection()) {
            TaskInsertion insertion = TaskRows.insert(c, submitted);

            StoredTask read = TaskRows.find(c, submitted.id()).orElseThrow();
            assertThat(insertion.outcome()).isEqualTo(TaskInsertion.Outcome.CREATED);
            assertThat(insertion.task()).isEqualTo(read);
            assertThat(read.agentId()).isEqualTo(agentId);
            assertThat(read.priority()).isEqualTo(TaskPriority.HIGH);
            assertThat(read.state()).isEqualTo(TaskState.QUEUED);
            assertThat(read.resources()).isEqualTo(resources);
            assertThat(read.inputSize()).isEqualTo(5);
            assertThat(read.inputSha256()).isEqualTo(submitted.inputSha256());
            assertThat(read.idempotencyKey()).contains("order-17");
            assertThat(read.requestSha256()).isEqualTo(submitted.requestSha256());
            assertThat(read.submittedBy()).isEqualTo("apikey:ops(k1)");
            assertThat(read.submittedAt()).isEqualTo(T0);
            assertThat(read.enqueuedAt()).isEqualTo(T0);
            assertThat(read.stateChangedAt()).isEqualTo(T0);
            assertThat(read.startedAt()).isEmpty();
            assertThat(read.endedAt()).isEmpty();
            assertThat(read.attempts()).isZero();
            assertThat(read.maxAttempts()).isEqualTo(4);
            assertThat(read.nodeId()).isEmpty();
            assertThat(read.executionId()).isEmpty();
            assertThat(read.reason()).isEmpty();
            assertThat(read.exitCode()).isEmpty();
            assertThat(read.rowVersion()).isZero();
            assertThat(TaskRows.input(c, submitted.id())).hasValueSatisfying(bytes ->
                    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("hello"));
            assertThat(TaskRows.transitions(c, submitted.id())).containsExactly(new TaskTransition(submitted.id(), 1,
                    Optional.empty(), TaskState.QUEUED, T0, Optional.empty(), Optional.empty()));
        }
    }

    @Test
    void aTaskSubmittedWithoutInputHandsItsProcessZeroBytes() throws SQLException {
        NewTask submitted = new NewTask(UUID.randomUUID(), agentId, TaskPriority.LOW, SMALL, null, Optional.empty(),
                1, "apikey:ops(k1)", T0);
        try (Connection c = DB.dataSource().getConnection()) {
            StoredTask read = TaskFixtures.stored(c, submitted);

            assertThat(read.inputSize()).isZero();
            assertThat(read.inputSha256()).isEqualTo(
                    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
            assertThat(TaskRows.input(c, submitted.id())).hasValueSatisfying(bytes -> assertThat(bytes).isEmpty());
            assertThat(TaskRows.input(c, UUID.randomUUID())).as("no such task").isEmpty();
        }
    }

    @Test
    void aRetryWithTheSameKeyAndRequestFindsTheFirstTaskAndStoresNothing() throws SQLException {
        NewTask first = keyed("retry-me", TaskPriority.NORMAL, "payload");
        NewTask retry = keyed("retry-me", TaskPriority.NORMAL, "payload");
        try (Connection c = DB.dataSource().getConnection()) {
            TaskRows.insert(c, first);

            TaskInsertion again = TaskRows.insert(c, retry);

            assertThat(again.outcome()).isEqualTo(TaskInsertion.Outcome.REPLAYED);
            assertThat(again.task().id()).isEqualTo(first.id());
            assertThat(TaskRows.find(c, retry.id())).isEmpty();
            assertThat(TaskRows.page(c, agentId, null, 10)).hasSize(1);
        }
    }

    @Test
    void aKeyReusedForADifferentRequestFindsTheFirstTaskAndSaysTheRequestDiffers() throws SQLException {
        NewTask first = keyed("reused", TaskPriority.NORMAL, "payload");
        NewTask otherInput = keyed("reused", TaskPriority.NORMAL, "another payload");
        NewTask otherPriority = keyed("reused", TaskPriority.CRITICAL, "payload");
        try (Connection c = DB.dataSource().getConnection()) {
            TaskRows.insert(c, first);

            TaskInsertion byInput = TaskRows.insert(c, otherInput);
            TaskInsertion byPriority = TaskRows.insert(c, otherPriority);

            assertThat(byInput.outcome()).isEqualTo(TaskInsertion.Outcome.KEY_REUSED);
            assertThat(byPriority.outcome()).isEqualTo(TaskInsertion.Outcome.KEY_REUSED);
            assertThat(byInput.task().id()).isEqualTo(first.id());
            assertThat(byInput.task().requestSha256()).isEqualTo(first.requestSha256())
                    .isNotEqualTo(otherInput.requestSha256());
            assertThat(TaskRows.find(c, first.id()).orElseThrow().priority()).isEqualTo(TaskPriority.NORMAL);
            assertThat(TaskRows.page(c, agentId, null, 10)).hasSize(1);
        }
    }

    @Test
    void concurrentRetriesWithOneKeyStoreOneTaskAndAllFindIt() throws Exception {
        int retries = 8;
        ExecutorService pool = Executors.newFixedThreadPool(retries);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<TaskInsertion>> inserts = new ArrayList<>();
            for (int i = 0; i < retries; i++) {
                NewTask retry = keyed("raced", TaskPriority.NORMAL, "payload");
                inserts.add(pool.submit(() -> {
                    start.await();
                    try (Connection c = DB.dataSource().getConnection()) {
                        return TaskRows.insert(c, retry);
                    }
                }));
            }
            start.countDown();
            List<TaskInsertion> results = new ArrayList<>();
            for (Future<TaskInsertion> insert : inserts) {
                results.add(insert.get());
            }

            assertThat(results).filteredOn(TaskInsertion::created).hasSize(1);
            assertThat(results).extracting(TaskInsertion::outcome).containsOnly(TaskInsertion.Outcome.CREATED,
                    TaskInsertion.Outcome.REPLAYED);
            assertThat(results).extracting(r -> r.task().id()).containsOnly(results.getFirst().task().id());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyBelongsToOneAgentOnly() throws SQLException {
        UUID otherAgent = TaskFixtures.agent(DB.dataSource());
        NewTask mine = keyed("shared-key", TaskPriority.NORMAL, "payload");
        NewTask theirs = new NewTask(UUID.randomUUID(), otherAgent, TaskPriority.NORMAL, SMALL,
                "payload".getBytes(StandardCharsets.UTF_8), Optional.of("shared-key"), 3, "apikey:ops(k1)", T0);
        try (Connection c = DB.dataSource().getConnection()) {
            TaskRows.insert(c, mine);

            assertThat(TaskRows.insert(c, theirs).outcome()).isEqualTo(TaskInsertion.Outcome.CREATED);
        }
    }

    @Test
    void tasksWithoutKeyAreNeverTakenForRetries() throws SQLException {
        NewTask first = TaskFixtures.task(agentId, TaskPriority.NORMAL, T0);
        NewTask second = new NewTask(UUID.randomUUID(), agentId, first.priority(), first.resources(), first.input(),
                Optional.empty(), first.maxAttempts(), first.submittedBy(), first.submittedAt());
        try (Connection c = DB.dataSource().getConnection()) {
            assertThat(TaskRows.insert(c, first).created()).isTrue();
            assertThat(TaskRows.insert(c, second).created()).isTrue();
        }
    }

    @Test
    void pagesListAnAgentsTasksNewestFirstAfterTheCursor() throws SQLException {
        try (Connection c = DB.dataSource().getConnection()) {
            StoredTask oldest = TaskFixtures.stored(c, TaskFixtures.task(agentId, TaskPriority.LOW, T0));
            StoredTask middle = TaskFixtures.stored(c, TaskFixtures.task(agentId, TaskPriority.CRITICAL,
                    T0.plusSeconds(1)));
            StoredTask newest = TaskFixtures.stored(c, TaskFixtures.task(agentId, TaskPriority.NORMAL,
                    T0.plusSeconds(2)));
            TaskFixtures.stored(c, TaskFixtures.task(TaskFixtures.agent(DB.dataSource()), TaskPriority.NORMAL,
                    T0.plusSeconds(3)));

            List<StoredTask> first = TaskRows.page(c, agentId, null, 2);
            List<StoredTask> second = TaskRows.page(c, agentId, first.getLast().id(), 2);

            assertThat(first).extracting(StoredTask::id).containsExactly(newest.id(), middle.id());
            assertThat(second).extracting(StoredTask::id).containsExactly(oldest.id());
            assertThat(TaskRows.page(c, agentId, oldest.id(), 2)).isEmpty();
        }
    }

    @Test
    void countsShowEachStateAndTheWaitingDepthOfEachPriority() throws SQLException {
        try (Connection c = DB.dataSource().getConnection()) {
            var statesBefore = TaskRows.countByState(c);
            var depthsBefore = TaskRows.waitingDepths(c);
            StoredTask running = TaskFixtures.stored(c, TaskFixtures.task(agentId, TaskPriority.HIGH, T0));
            TaskFixtures.stored(c, TaskFixtures.task(agentId, TaskPriority.HIGH, T0));
            TaskFixtures.stored(c, TaskFixtures.task(agentId, TaskPriority.LOW, T0));
            TaskRows.claim(c, running.id(), "node-a", T0).orElseThrow();

            var states = TaskRows.countByState(c);
            var depths = TaskRows.waitingDepths(c);

            assertThat(states).containsOnlyKeys(TaskState.values());
            assertThat(states.get(TaskState.QUEUED) - statesBefore.get(TaskState.QUEUED)).isEqualTo(2);
            assertThat(states.get(TaskState.RUNNING) - statesBefore.get(TaskState.RUNNING)).isEqualTo(1);
            assertThat(states.get(TaskState.SUCCEEDED)).isEqualTo(statesBefore.get(TaskState.SUCCEEDED));
            assertThat(depths).containsOnlyKeys(TaskPriority.values());
            assertThat(depths.get(TaskPriority.HIGH) - depthsBefore.get(TaskPriority.HIGH)).isEqualTo(1);
            assertThat(depths.get(TaskPriority.LOW) - depthsBefore.get(TaskPriority.LOW)).isEqualTo(1);
            assertThat(depths.get(TaskPriority.CRITICAL)).isEqualTo(depthsBefore.get(TaskPriority.CRITICAL));
        }
    }
}
