package dev.symbiont.scheduler.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symbiont.scheduler.TaskPriority;
import dev.symbiont.scheduler.TaskState;
import dev.symbiont.testing.MigratedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Moves and what guards them: the compare-and-set in TaskRows, and the table's own triggers, which hold even for
 * a hand-written UPDATE.
 */
class TaskStateGuardTest {

    @RegisterExtension
    static final MigratedPostgres DB = new MigratedPostgres();

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00.123456Z");

    private UUID agentId;

    @BeforeEach
    void agent() throws SQLException {
        agentId = TaskFixtures.agent(DB.dataSource());
    }

    private StoredTask queued(Connection c) throws SQLException {
        return TaskFixtures.stored(c, TaskFixtures.task(agentId, TaskPriority.NORMAL, T0));
    }

    private StoredTask running(Connection c) throws SQLException {
        return TaskRows.claim(c, queued(c).id(), "node-a", T0.plusSeconds(1)).orElseThrow();
    }

    private UUID execution(Connection c) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO sandbox_execution (id, agent_id, node_id, "
                + "status, requested_by, requested_at, image, command, input_bytes, input_sha256, tier, "
                + "network_granted) VALUES (?, ?, 'node-a', 'RUNNING', 'test', now(), 'busybox:1', '{/bin/cat}', 2, "
                + "repeat('a', 64), 'TIER1', false)")) {
            insert.setObject(1, id);
            insert.setObject(2, agentId);
            insert.executeUpdate();
        }
        return id;
    }

    private static void sql(Connection c, String statement) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void aMoveFromTheExpectedStateEndsTheTaskAndEveryChangeIsInItsHistory() throws SQLException {
        try (Connection c = DB.dataSource().getConnection()) {
            StoredTask task = running(c);
            UUID execution = execution(c);
            assertThat(TaskRows.linkExecution(c, task.id(), execution)).isTrue();

            boolean moved = TaskRows.move(c, task.id(), TaskState.RUNNING, TaskState.SUCCEEDED, T0.plusSeconds(9),
                    null, 0, null);

            StoredTask ended = TaskRows.find(c, task.id()).orElseThrow();
            assertThat(moved).isTrue();
            assertThat(ended.state()).isEqualTo(TaskState.SUCCEEDED);
            assertThat(ended.endedAt()).contains(T0.plusSeconds(9));
            assertThat(ended.exitCode()).hasValue(0);
            assertThat(ended.executionId()).as("kept when the move names none").contains(execution);
            assertThat(ended.nodeId()).as("the node it ran on").contains("node-a");
            assertThat(ended.rowVersion()).as("claim, link, end").isEqualTo(3);
            assertThat(TaskRows.transitions(c, task.id())).containsExactly(
                    new TaskTransition(task.id(), 1, Optional.empty(), TaskState.QUEUED, T0, Optional.empty(),
                            Optional.empty()),
                    new TaskTransition(task.id(), 2, Optional.of(TaskState.QUEUED), TaskState.RUNNING,
                            T0.plusSeconds(1), Optional.of("node-a"), Optional.empty()),
                    new TaskTransition(task.id(), 3, Optional.of(TaskState.RUNNING), TaskState.SUCCEEDED,
                            T0.plusSeconds(9), Optional.of("node-a"), Optional.empty()));
        }
    }

    @Test
    void aMoveFromAStateTheTaskIsNoLongerInChangesNothing() throws SQLException {
        try (Connection c = DB.dataSource().getConnection()) {
            StoredTask task = running(c);

            boolean moved = TaskRows.move(c, task.id(), TaskState.QUEUED, TaskState.CANCELLED, T0.plusSeconds(2),
                    "cancelled by apikey:ops(k1)", null, null);

            assertThat(moved).isFalse();
            assertThat(TaskRows.find(c, task.id())).contains(task);
            assertThat(TaskRows.transitions(c, task.id())).hasSize(2);
        }
    }

    @Test
    void movesTaskStateForbidsAreRefusedBeforeTheRowIsTouched() throws SQLException {
        try (Connection c = DB.dataSource().getConnection()) {
            StoredTask task = queued(c);

            assertThatThrownBy(() -> TaskRows.move(c, task.id(), TaskState.QUEUED, TaskState.SUCCEEDED, T0, null, 0,
                    null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("queued to succeeded");
            assertThatThrownBy(() -> TaskRows.move(c, task.id(), TaskState.QUEUED, TaskState.RUNNING, T0, null,
                    null, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("claimed");
            assertThat(TaskRows.find(c, task.id())).contains(task);
        }
    }

    @Test
    void theDatabaseAllowsExactlyTheMovesTaskStateAllows() throws SQLException {
        try (Connection c = DB.dataSource().getConnection();
             PreparedStatement rule = c.prepareStatement("SELECT agent_task_may_move(?, ?)")) {
            for (TaskState from : TaskState.values()) {
                for (TaskState to : TaskState.values()) {
                    rule.setString(1, from.label());
                    rule.setString(2, to.label());
                    try (ResultSet allowed = rule.executeQuery()) {
                        allowed.next();
                        assertThat(allowed.getBoolean(1)).as("%s -> %s", from, to).isEqualTo(from.canMoveTo(to));
                    }
                }
            }
        }
    }

    @Test
    void theDatabaseRefusesAnIllegalTransitionWrittenByHand() throws SQLException {
        try (Connection c = DB.dataSource().getConnection()) {
            StoredTask task = queued(c);

            assertThatThrownBy(() -> sql(c, "UPDATE agent_task SET state = 'succeeded', ended_at = now() "
                    + "WHERE id = '" + task.id() + "'")).hasMessageContaining("queued -> succeeded is not an allowed");
            assertThat(TaskRows.find(c, task.id())).contains(task);
        }
    }

    @Test
    void anEndedTaskNeverChangesAgain() throws SQLException {
        try (Connection c = DB.dataSource().getConnection()) {
            StoredTask task = queued(c);
            TaskRows.move(c, task.id(), TaskState.QUEUED, TaskState.CANCELLED, T0.plusSeconds(1),
                    "cancelled by apikey:ops(k1)", null, null);

            assertThatThrownBy(() -> sql(c, "UPDATE agent_task SET reason = 'rewritten' WHERE id = '" + task.id()
                    + "'")).hasMessageContaining("the task is cancelled (final)");
            assertThat(TaskRows.claim(c, task.id(), "node-a", T0.plusSeconds(2))).isEmpty();
            assertThat(TaskRows.find(c, task.id()).orElseThrow().reason()).contains("cancelled by apikey:ops(k1)");
        }
    }

    @Test
    void whatWasSubmittedNeverChangesNorDoAttemptsOutsideAClaim() throws SQLException {
        try (Connection c = DB.dataSource().getConnection()) {
            StoredTask task = queued(c);

            assertThatThrownBy(() -> sql(c, "UPDATE agent_task SET priority = 'critical' WHERE id = '" + task.id()
                    + "'")).hasMessageContaining("what was submitted never changes");
            assertThatThrownBy(() -> sql(c, "UPDATE agent_task SET enqueued_at = now() WHERE id = '" + task.id()
                    + "'")).hasMessageContaining("what was submitted never changes");
            assertThatThrownBy(() -> sql(c, "UPDATE agent_task SET attempts = attempts + 1 WHERE id = '" + task.id()
                    + "'")).hasMessageContaining("does not count one claim per start");
        }
    }

    @Test
    void aPreemptionOrAFailureThatDoesNotSayWhyIsRefused() throws SQLException {
        try (Connection c = DB.dataSource().getConnection()) {
            StoredTask task = running(c);

            assertThatThrownBy(() -> TaskRows.move(c, task.id(), TaskState.RUNNING, TaskState.PREEMPTED, T0, null,
                    null, null)).isInstanceOf(SQLException.class).hasMessageContaining("check constraint");
            assertThatThrownBy(() -> TaskRows.move(c, task.id(), TaskState.RUNNING, TaskState.FAILED, T0, null, 1,
                    null)).isInstanceOf(SQLException.class).hasMessageContaining("check constraint");
            assertThat(TaskRows.find(c, task.id()).orElseThrow().state()).isEqualTo(TaskState.RUNNING);
        }
    }

    @Test
    void onlyARunningTaskLinksAnExecutionAndOnlyOneThatWasRecorded() throws SQLException {
        try (Connection c = DB.dataSource().getConnection()) {
            StoredTask waiting = queued(c);
            StoredTask task = running(c);

            assertThat(TaskRows.linkExecution(c, waiting.id(), execution(c))).isFalse();
            assertThatThrownBy(() -> TaskRows.linkExecution(c, task.id(), UUID.randomUUID()))
                    .isInstanceOf(SQLException.class).hasMessageContaining("foreign key");
        }
    }

    @Test
    void tasksAreNeverDeletedOrTruncated() throws SQLException {
        try (Connection c = DB.dataSource().getConnection()) {
            StoredTask task = queued(c);

            assertThatThrownBy(() -> sql(c, "DELETE FROM agent_task WHERE id = '" + task.id() + "'"))
                    .hasMessageContaining("tasks are never deleted");
            assertThatThrownBy(() -> sql(c, "TRUNCATE agent_task CASCADE"))
                    .hasMessageContaining("never truncated");
            assertThat(TaskRows.find(c, task.id())).contains(task);
        }
    }

    @Test
    void theHistoryIsAppendOnly() throws SQLException {
        try (Connection c = DB.dataSource().getConnection()) {
            StoredTask task = running(c);

            assertThatThrownBy(() -> sql(c, "UPDATE agent_task_transition SET reason = 'rewritten' WHERE task_id = '"
                    + task.id() + "'")).hasMessageContaining("append-only: UPDATE on agent_task_transition");
            assertThatThrownBy(() -> sql(c, "DELETE FROM agent_task_transition WHERE task_id = '" + task.id() + "'"))
                    .hasMessageContaining("append-only: DELETE on agent_task_transition");
            assertThatThrownBy(() -> sql(c, "TRUNCATE agent_task_transition"))
                    .hasMessageContaining("append-only: TRUNCATE on agent_task_transition");
            assertThat(TaskRows.transitions(c, task.id())).hasSize(2);
        }
    }
}
