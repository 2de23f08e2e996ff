package dev.symbiont.scheduler.queue;

import static dev.symbiont.scheduler.queue.TaskFixtures.SMALL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.scheduler.TaskPriority;
import dev.symbiont.scheduler.TaskState;
import dev.symbiont.testing.MigratedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The restart rule for tasks a dead server left running: requeue below max_attempts, fail at it, this node only;
 * runs handed back as preempted spend no attempt.
 */
class TaskRecoveryTest {

    @RegisterExtension
    static final MigratedPostgres DB = new MigratedPostgres();

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00.123456Z");
    private static final Instant RESTART = T0.plusSeconds(60);

    private UUID agentId;
    private String node;

    @BeforeEach
    void agentAndNode() throws SQLException {
        agentId = TaskFixtures.agent(DB.dataSource());
        node = "node-" + UUID.randomUUID();
    }

    /**
     * A task running on {@code onNode} in its {@code attempts}-th attempt, of at most {@code maxAttempts}: each
     * earlier run was interrupted by a server that died (on a node of its own, so no other task is recovered).
     */
    private StoredTask runningInAttempt(Connection c, String onNode, int attempts, int maxAttempts)
            throws SQLException {
        UUID id = submitted(c, maxAttempts);
        for (int attempt = 1; attempt < attempts; attempt++) {
            String died = "died-" + UUID.randomUUID();
            TaskRows.claim(c, id, died, T0.plusSeconds(attempt)).orElseThrow();
            TaskRows.recoverRunning(c, died, T0.plusSeconds(attempt).plusMillis(500));
        }
        return TaskRows.claim(c, id, onNode, T0.plusSeconds(attempts)).orElseThrow();
    }

    private UUID submitted(Connection c, int maxAttempts) throws SQLException {
        NewTask submitted = new NewTask(UUID.randomUUID(), agentId, TaskPriority.NORMAL, SMALL, null,
                Optional.of("key-" + UUID.randomUUID()), maxAttempts, "apikey:ops(k1)", T0);
        return TaskFixtures.stored(c, submitted).id();
    }

    @Test
    void runsHandedBackAsPreemptedSpendNoAttempt() throws SQLException {
        try (Connection c = DB.dataSource().getConnection()) {
            UUID id = submitted(c, 2);
            for (int run = 1; run <= 3; run++) {
                TaskRows.claim(c, id, node, T0.plusSeconds(run)).orElseThrow();
                TaskRows.move(c, id, TaskState.RUNNING, TaskState.PREEMPTED, T0.plusSeconds(run).plusMillis(1),
                        "preempted", null, null);
            }
            TaskRows.claim(c, id, node, T0.plusSeconds(10)).orElseThrow();

            RecoveredTasks recovered = TaskRows.recoverRunning(c, node, RESTART);

            assertThat(recovered.failed()).isEmpty();
            assertThat(recovered.requeued()).singleElement().satisfies(t -> {
                assertThat(t.attempts()).as("every claim is counted for the workload").isEqualTo(4);
                assertThat(t.reason()).hasValueSatisfying(r ->
                        assertThat(r).endsWith("(attempt 1 of at most 2), queued again"));
            });
            TaskRows.claim(c, id, node, RESTART.plusSeconds(1)).orElseThrow();
            assertThat(TaskRows.recoverRunning(c, node, RESTART.plusSeconds(2)).failed())
                    .as("the second interrupted run is one too many").singleElement()
                    .satisfies(t -> assertThat(t.reason()).hasValueSatisfying(r -> assertThat(r)
                            .endsWith("(attempt 2 of at most 2), no attempt left")));
        }
    }

    @Test
    void aTaskWithAttemptsLeftIsQueuedAgainInItsOldPlaceWithTheReason() throws SQLException {
        try (Connection c = DB.dataSource().getConnection()) {
            StoredTask task = runningInAttempt(c, node, 1, 3);

            RecoveredTasks recovered = TaskRows.recoverRunning(c, node, RESTART);

            assertThat(recovered.failed()).isEmpty();
            assertThat(recovered.requeued()).singleElement().satisfies(t -> {
                assertThat(t.id()).isEqualTo(task.id());
                assertThat(t.state()).isEqualTo(TaskState.QUEUED);
                assertThat(t.nodeId()).isEmpty();
                assertThat(t.attempts()).isEqualTo(1);
                assertThat(t.enqueuedAt()).isEqualTo(T0);
                assertThat(t.stateChangedAt()).isEqualTo(RESTART);
                assertThat(t.reason()).contains("server restarted while it ran (attempt 1 of at most 3), queued again");
            });
            assertThat(TaskRows.transitions(c, task.id())).last().isEqualTo(new TaskTransition(task.id(), 3,
                    Optional.of(TaskState.RUNNING), TaskState.QUEUED, RESTART, Optional.of(node),
                    Optional.of("server restarted while it ran (attempt 1 of at most 3), queued again")));
            assertThat(TaskRows.claim(c, task.id(), node, RESTART.plusSeconds(1))).hasValueSatisfying(t ->
                    assertThat(t.attempts()).isEqualTo(2));
        }
    }

    @Test
    void aTaskAtItsLastAttemptFailsInsteadOfRunningAgain() throws SQLException {
        try (Connection c = DB.dataSource().getConnection()) {
            StoredTask task = runningInAttempt(c, node, 2, 2);

            RecoveredTasks recovered = TaskRows.recoverRunning(c, node, RESTART);

            assertThat(recovered.requeued()).isEmpty();
            assertThat(recovered.failed()).singleElement().satisfies(t -> {
                assertThat(t.id()).isEqualTo(task.id());
                assertThat(t.state()).isEqualTo(TaskState.FAILED);
                assertThat(t.endedAt()).contains(RESTART);
                assertThat(t.nodeId()).as("the node it last ran on").contains(node);
                assertThat(t.reason()).contains("server restarted while it ran (attempt 2 of at most 2), "
                        + "no attempt left");
            });
        }
    }

    @Test
    void aTaskTheNewServerClaimedIsLeftRunning() throws SQLException {
        try (Connection c = DB.dataSource().getConnection()) {
            StoredTask interrupted = runningInAttempt(c, node, 1, 3);
            StoredTask claimedAfterStart = TaskRows.claim(c, TaskFixtures.stored(c, TaskFixtures.task(agentId,
                    TaskPriority.NORMAL, T0)).id(), node, RESTART).orElseThrow();

            RecoveredTasks recovered = TaskRows.recoverRunning(c, node, RESTART);

            assertThat(recovered.requeued()).extracting(StoredTask::id).containsExactly(interrupted.id());
            assertThat(TaskRows.find(c, claimedAfterStart.id())).contains(claimedAfterStart);
        }
    }

    @Test
    void onlyThisNodesRunningTasksAreRecoveredInSubmissionOrder() throws SQLException {
        try (Connection c = DB.dataSource().getConnection()) {
            StoredTask first = runningInAttempt(c, node, 1, 3);
            StoredTask exhausted = runningInAttempt(c, node, 1, 1);
            StoredTask second = runningInAttempt(c, node, 2, 3);
            StoredTask otherNodes = runningInAttempt(c, "node-" + UUID.randomUUID(), 1, 3);
            StoredTask waiting = TaskFixtures.stored(c, TaskFixtures.task(agentId, TaskPriority.NORMAL, T0));

            RecoveredTasks recovered = TaskRows.recoverRunning(c, node, RESTART);

            assertThat(recovered.requeued()).extracting(StoredTask::id).containsExactly(first.id(), second.id());
            assertThat(recovered.failed()).extracting(StoredTask::id).containsExactly(exhausted.id());
            assertThat(TaskRows.find(c, otherNodes.id())).contains(otherNodes);
            assertThat(TaskRows.find(c, waiting.id())).contains(waiting);
            assertThat(TaskRows.recoverRunning(c, node, RESTART.plusSeconds(1)).isEmpty())
                    .as("nothing is left running on the node").isTrue();
        }
    }
}
