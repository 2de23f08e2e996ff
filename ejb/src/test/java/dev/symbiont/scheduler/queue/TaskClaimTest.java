package dev.symbiont.scheduler.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symbiont.scheduler.TaskPriority;
import dev.symbiont.scheduler.TaskState;
import dev.symbiont.testing.MigratedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Claiming waiting tasks on real PostgreSQL: the claim order, one attempt per claim, locked rows passed over. */
class TaskClaimTest {

    @RegisterExtension
    static final MigratedPostgres DB = new MigratedPostgres();

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00.123456Z");

    private UUID agentId;

    @BeforeEach
    void emptyQueueAndAgent() throws SQLException {
        TaskFixtures.cancelWaiting(DB.dataSource());
        agentId = TaskFixtures.agent(DB.dataSource());
    }

    private StoredTask submit(Connection c, TaskPriority priority, Instant at) throws SQLException {
        return TaskFixtures.stored(c, TaskFixtures.task(agentId, priority, at));
    }

    @Test
    void claimTakesTheTaskForTheNodeAndCountsTheAttempt() throws SQLException {
        try (Connection c = DB.dataSource().getConnection()) {
            StoredTask queued = submit(c, TaskPriority.NORMAL, T0);

            StoredTask claimed = TaskRows.claim(c, queued.id(), "node-a", T0.plusSeconds(5)).orElseThrow();

            assertThat(claimed.state()).isEqualTo(TaskState.RUNNING);
            assertThat(claimed.attempts()).isEqualTo(1);
            assertThat(claimed.nodeId()).contains("node-a");
            assertThat(claimed.startedAt()).contains(T0.plusSeconds(5));
            assertThat(claimed.stateChangedAt()).isEqualTo(T0.plusSeconds(5));
            assertThat(claimed.enqueuedAt()).isEqualTo(T0);
            assertThat(claimed.rowVersion()).isEqualTo(1);
            assertThat(TaskRows.transitions(c, queued.id())).last().isEqualTo(new TaskTransition(queued.id(), 2,
                    Optional.of(TaskState.QUEUED), TaskState.RUNNING, T0.plusSeconds(5), Optional.of("node-a"),
                    Optional.empty()));
        }
    }

    @Test
    void aTaskThatIsNotWaitingCannotBeClaimed() throws SQLException {
        try (Connection c = DB.dataSource().getConnection()) {
            StoredTask task = submit(c, TaskPriority.NORMAL, T0);
            TaskRows.claim(c, task.id(), "node-a", T0).orElseThrow();

            assertThat(TaskRows.claim(c, task.id(), "node-b", T0)).as("already running").isEmpty();
            assertThat(TaskRows.claim(c, UUID.randomUUID(), "node-b", T0)).as("no such task").isEmpty();
            assertThat(TaskRows.find(c, task.id()).orElseThrow().nodeId()).contains("node-a");
        }
    }

    @Test
    void aPreemptedTaskIsClaimedAgainWithItsPlaceInTheQueueKept() throws SQLException {
        try (Connection c = DB.dataSource().getConnection()) {
            StoredTask task = submit(c, TaskPriority.LOW, T0);
            TaskRows.claim(c, task.id(), "node-a", T0.plusSeconds(1)).orElseThrow();
            TaskRows.move(c, task.id(), TaskState.RUNNING, TaskState.PREEMPTED, T0.plusSeconds(2),
                    "preempted by critical task", null, null);

            StoredTask preempted = TaskRows.find(c, task.id()).orElseThrow();
            StoredTask again = TaskRows.claim(c, task.id(), "node-b", T0.plusSeconds(3)).orElseThrow();

            assertThat(preempted.nodeId()).as("a waiting task holds no node").isEmpty();
            assertThat(preempted.reason()).contains("preempted by critical task");
            assertThat(again.attempts()).isEqualTo(2);
            assertThat(again.nodeId()).contains("node-b");
            assertThat(again.reason()).isEmpty();
            assertThat(again.enqueuedAt()).isEqualTo(T0);
        }
    }

    @Test
    void claimNextTakesHigherPriorityFirstThenTheLongestWaitingThenTheFirstSubmitted() throws SQLException {
        try (Connection c = DB.dataSource().getConnection()) {
            StoredTask lowOld = submit(c, TaskPriority.LOW, T0);
            StoredTask normalLate = submit(c, TaskPriority.NORMAL, T0.plusSeconds(9));
            StoredTask normalEarlyFirst = submit(c, TaskPriority.NORMAL, T0.plusSeconds(1));
            StoredTask normalEarlySecond = submit(c, TaskPriority.NORMAL, T0.plusSeconds(1));
            StoredTask critical = submit(c, TaskPriority.CRITICAL, T0.plusSeconds(20));
            StoredTask high = submit(c, TaskPriority.HIGH, T0.plusSeconds(10));

            List<StoredTask> firstThree = TaskRows.claimNext(c, "node-a", T0.plusSeconds(30), 3);
            List<StoredTask> rest = TaskRows.claimNext(c, "node-a", T0.plusSeconds(30), 10);

            assertThat(firstThree).extracting(StoredTask::id)
                    .containsExactly(critical.id(), high.id(), normalEarlyFirst.id());
            assertThat(rest).extracting(StoredTask::id)
                    .containsExactly(normalEarlySecond.id(), normalLate.id(), lowOld.id());
            assertThat(TaskRows.claimNext(c, "node-a", T0.plusSeconds(30), 10)).isEmpty();
        }
    }

    @Test
    void aPreemptedTaskKeepsItsPlaceAheadOfLaterTasksOfItsPriority() throws SQLException {
        try (Connection c = DB.dataSource().getConnection()) {
            StoredTask early = submit(c, TaskPriority.NORMAL, T0);
            StoredTask later = submit(c, TaskPriority.NORMAL, T0.plusSeconds(1));
            TaskRows.claim(c, early.id(), "node-a", T0.plusSeconds(2)).orElseThrow();
            TaskRows.move(c, early.id(), TaskState.RUNNING, TaskState.PREEMPTED, T0.plusSeconds(3), "preempted",
                    null, null);

            assertThat(TaskRows.claimNext(c, "node-a", T0.plusSeconds(4), 2)).extracting(StoredTask::id)
                    .containsExactly(early.id(), later.id());
        }
    }

    @Test
    void aTaskLockedByAnotherTransactionIsPassedOverWithoutWaiting() throws SQLException {
        try (Connection holder = DB.transactional(); Connection other = DB.dataSource().getConnection();
             Statement settings = other.createStatement()) {
            // were the lock waited for instead of skipped, this fails the test instead of hanging it
            settings.execute("SET lock_timeout = '2s'");
            StoredTask first = submit(other, TaskPriority.HIGH, T0);
            StoredTask second = submit(other, TaskPriority.NORMAL, T0);
            TaskRows.claim(holder, first.id(), "node-a", T0).orElseThrow();

            assertThat(TaskRows.claim(other, first.id(), "node-b", T0)).isEmpty();
            assertThat(TaskRows.claimNext(other, "node-b", T0, 5)).extracting(StoredTask::id)
                    .containsExactly(second.id());

            holder.rollback();
            assertThat(TaskRows.claim(other, first.id(), "node-b", T0)).hasValueSatisfying(t ->
                    assertThat(t.attempts()).as("the rolled-back claim never counted").isEqualTo(1));
        }
    }

    @Test
    void waitingTasksStreamInClaimOrderWithoutTheOthers() throws SQLException {
        List<StoredTask> streamed = new ArrayList<>();
        try (Connection c = DB.transactional()) {
            StoredTask low = submit(c, TaskPriority.LOW, T0);
            StoredTask critical = submit(c, TaskPriority.CRITICAL, T0.plusSeconds(2));
            StoredTask normal = submit(c, TaskPriority.NORMAL, T0.plusSeconds(1));
            StoredTask running = submit(c, TaskPriority.CRITICAL, T0);
            StoredTask preempted = submit(c, TaskPriority.NORMAL, T0);
            TaskRows.claim(c, running.id(), "node-a", T0).orElseThrow();
            TaskRows.claim(c, preempted.id(), "node-a", T0).orElseThrow();
            TaskRows.move(c, preempted.id(), TaskState.RUNNING, TaskState.PREEMPTED, T0, "preempted", null, null);

            long count = TaskRows.loadWaiting(c, streamed::add);

            assertThat(count).isEqualTo(4);
            assertThat(streamed).extracting(StoredTask::id)
                    .containsExactly(critical.id(), preempted.id(), normal.id(), low.id());
            c.rollback();
        }
    }

    @Test
    void streamingRefusesAnAutoCommitConnectionThatWouldReadEveryRowAtOnce() throws SQLException {
        try (Connection c = DB.dataSource().getConnection()) {
            assertThatThrownBy(() -> TaskRows.loadWaiting(c, task -> { }))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("auto-commit");
        }
    }
}
