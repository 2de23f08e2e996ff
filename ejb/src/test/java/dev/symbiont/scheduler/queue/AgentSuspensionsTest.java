package dev.symbiont.scheduler.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.scheduler.TaskPriority;
import dev.symbiont.scheduler.TaskState;
import dev.symbiont.testing.MigratedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Telling the scheduler's own suspension (a preemption: the agent's and the task's moves share one timestamp) from
 * any other, which holds the agent's tasks; and an agent's waiting tasks cancelled with it.
 */
class AgentSuspensionsTest {

    @RegisterExtension
    static final MigratedPostgres DB = new MigratedPostgres();

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00.123456Z");

    @Test
    void anAgentSuspendedWithItsTasksPreemptionResumesWithItOthersHoldTheirTasks() throws SQLException {
        try (Connection c = DB.dataSource().getConnection()) {
            UUID preempted = agentWithTaskPreemptedAt(c, T0.plusSeconds(1));
            suspend(c, preempted, T0.plusSeconds(1));
            UUID byHand = agentWithTaskPreemptedAt(c, T0.plusSeconds(2));
            suspend(c, byHand, T0.plusSeconds(1)); // suspended first, its running task handed back after
            UUID withoutTasks = TaskFixtures.agent(DB.dataSource());
            suspend(c, withoutTasks, T0);
            UUID ready = agentWithTaskPreemptedAt(c, T0.plusSeconds(3));

            assertThat(AgentSuspensions.byPreemption(c, preempted)).isTrue();
            assertThat(AgentSuspensions.byPreemption(c, byHand)).isFalse();
            assertThat(AgentSuspensions.byPreemption(c, withoutTasks)).isFalse();
            assertThat(AgentSuspensions.byPreemption(c, ready)).as("not suspended at all").isFalse();
            assertThat(AgentSuspensions.byPreemption(c, UUID.randomUUID())).isFalse();
            assertThat(AgentSuspensions.holding(c)).contains(byHand, withoutTasks).doesNotContain(preempted, ready);
        }
    }

    @Test
    void cancellingAnAgentsWaitingTasksLeavesRunningAndOtherAgentsTasksAlone() throws SQLException {
        try (Connection c = DB.dataSource().getConnection()) {
            UUID agent = TaskFixtures.agent(DB.dataSource());
            UUID other = TaskFixtures.agent(DB.dataSource());
            StoredTask queued = TaskFixtures.stored(c, TaskFixtures.task(agent, TaskPriority.LOW, T0));
            StoredTask preempted = TaskFixtures.stored(c, TaskFixtures.task(agent, TaskPriority.HIGH, T0));
            TaskRows.claim(c, preempted.id(), "n1", T0.plusSeconds(1)).orElseThrow();
            TaskRows.move(c, preempted.id(), TaskState.RUNNING, TaskState.PREEMPTED, T0.plusSeconds(2), "preempted",
                    null, null);
            StoredTask running = TaskFixtures.stored(c, TaskFixtures.task(agent, TaskPriority.NORMAL, T0));
            TaskRows.claim(c, running.id(), "n1", T0.plusSeconds(3)).orElseThrow();
            StoredTask othersTask = TaskFixtures.stored(c, TaskFixtures.task(other, TaskPriority.NORMAL, T0));

            var cancelled = TaskRows.cancelWaiting(c, agent, T0.plusSeconds(4), "agent terminated by apikey:ops");

            assertThat(cancelled).extracting(StoredTask::id).containsExactly(queued.id(), preempted.id());
            assertThat(cancelled).allSatisfy(t -> {
                assertThat(t.state()).isEqualTo(TaskState.CANCELLED);
                assertThat(t.endedAt()).contains(T0.plusSeconds(4));
                assertThat(t.reason()).contains("agent terminated by apikey:ops");
            });
            assertThat(TaskRows.find(c, running.id()).orElseThrow().state()).isEqualTo(TaskState.RUNNING);
            assertThat(TaskRows.find(c, othersTask.id()).orElseThrow().state()).isEqualTo(TaskState.QUEUED);
        }
    }

    private UUID agentWithTaskPreemptedAt(Connection c, Instant at) throws SQLException {
        UUID agent = TaskFixtures.agent(DB.dataSource());
        StoredTask task = TaskFixtures.stored(c, TaskFixtures.task(agent, TaskPriority.NORMAL, T0));
        TaskRows.claim(c, task.id(), "n1", T0).orElseThrow();
        TaskRows.move(c, task.id(), TaskState.RUNNING, TaskState.PREEMPTED, at, "preempted", null, null);
        return agent;
    }

    private static void suspend(Connection c, UUID agent, Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE agent SET state = 'SUSPENDED', state_changed_at = ? WHERE id = ?")) {
            update.setObject(1, at.atOffset(ZoneOffset.UTC));
            update.setObject(2, agent);
            update.executeUpdate();
        }
    }
}
