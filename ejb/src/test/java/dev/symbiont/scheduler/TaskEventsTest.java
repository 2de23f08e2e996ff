package dev.symbiont.scheduler;

import static dev.symbiont.scheduler.TaskPriority.CRITICAL;
import static dev.symbiont.scheduler.TaskPriority.NORMAL;
import static dev.symbiont.scheduler.Tasks.T0;
import static dev.symbiont.scheduler.Tasks.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What submit, cancel, started and finished do, including when the wrapper repeats or confuses them. */
class TaskEventsTest {

    private final Tasks tasks = new Tasks();
    private final SchedulingCore core = Tasks.core("first-fit");

    @Test
    void aTaskLargerThanTheWholeNodeIsRejectedAtSubmitWithTheExcessNamed() {
        WaitingTask huge = tasks.task(CRITICAL, 8192);

        assertThatThrownBy(() -> core.submit(huge)).isInstanceOf(UnschedulableTaskException.class)
                .hasMessageContaining("task " + huge.taskId() + " asks for 8192 MB")
                .hasMessageContaining("more than the node's 4096 MB")
                .hasMessageContaining("in 4096 MB, 0.000 cores");
        assertThat(core.status(T0).waitingTotal()).isZero();
    }

    @Test
    void underPriorityBasedANonCriticalTaskLargerThanItsShareIsRejectedButACriticalOneIsNot() {
        SchedulingCore guarded = Tasks.core("priority-based");

        assertThatThrownBy(() -> guarded.submit(tasks.task(NORMAL, 3500)))
                .isInstanceOf(UnschedulableTaskException.class)
                .hasMessageContaining("more than the normal tasks' share of the node 3277 MB");
        guarded.submit(tasks.task(CRITICAL, 3500));
        assertThat(guarded.status(T0).waitingTotal()).isEqualTo(1);
    }

    @Test
    void dimensionsTheNodeDoesNotAccountDoNotLimitWhatATaskMayAsk() {
        WaitingTask io = new WaitingTask(UUID.randomUUID(), UUID.randomUUID(), NORMAL,
                new ResourceRequest(512, 1, 10_000, 10_000, Tasks.AGEING_STEP), T0, 1);
        core.submit(io);

        assertThat(core.decide(T0)).containsExactly(new SchedulingDecision.Start(io, new Capacity(512, 1000, 0, 0)));
    }

    @Test
    void theSameTaskCannotBeSubmittedTwice() {
        WaitingTask task = submitted(core, tasks.task(NORMAL, 512));
        assertThatThrownBy(() -> core.submit(task)).isInstanceOf(IllegalStateException.class);
        core.decide(T0);
        assertThatThrownBy(() -> core.submit(task)).hasMessageContaining("already scheduled");
    }

    @Test
    void cancellingAWaitingTaskRemovesItAndItNeverStarts() {
        WaitingTask task = submitted(core, tasks.task(NORMAL, 512));

        assertThat(core.cancel(task.taskId())).isEqualTo(Cancellation.WITHDRAWN);

        assertThat(core.decide(T0)).isEmpty();
        assertThat(core.status(T0).waitingTotal()).isZero();
        assertThat(core.status(T0).activeAgents()).isZero();
    }

    @Test
    void cancellingAnAgentsEligibleTaskMakesItsNextOneEligible() {
        UUID agent = UUID.randomUUID();
        WaitingTask first = submitted(core, tasks.forAgent(agent, NORMAL, 512));
        WaitingTask second = submitted(core, tasks.forAgent(agent, NORMAL, 512));

        core.cancel(first.taskId());

        assertThat(Tasks.started(core.decide(T0))).containsExactly(second);
    }

    @Test
    void aRunningTaskIsLeftToTheWrapperToStopAndKeepsItsAllocationUntilItFinishes() {
        WaitingTask task = submitted(core, tasks.task(NORMAL, 512));
        core.decide(T0);

        assertThat(core.cancel(task.taskId())).isEqualTo(Cancellation.RUNNING);
        assertThat(core.status(T0).used().memoryMb()).isEqualTo(512);

        assertThat(core.finished(task.taskId())).isTrue();
        assertThat(core.status(T0).used()).isEqualTo(Capacity.NONE);
        assertThat(core.cancel(task.taskId())).isEqualTo(Cancellation.UNKNOWN);
    }

    @Test
    void aRepeatedFinishedEventChangesNothing() {
        WaitingTask task = submitted(core, tasks.task(NORMAL, 512));
        WaitingTask other = submitted(core, tasks.task(NORMAL, 512));
        core.decide(T0);
        core.finished(task.taskId());

        assertThat(core.finished(task.taskId())).isFalse();
        assertThat(core.finished(UUID.randomUUID())).isFalse();
        assertThat(core.status(T0).used().memoryMb()).isEqualTo(512);
        assertThat(core.cancel(other.taskId())).isEqualTo(Cancellation.RUNNING);
    }

    @Test
    void finishingATaskThatHasNotStartedIsAnError() {
        WaitingTask task = submitted(core, tasks.task(NORMAL, 512));
        assertThatThrownBy(() -> core.finished(task.taskId())).hasMessageContaining("cancel it instead");
    }

    @Test
    void startedIsOnlyRecordedForRunningTasks() {
        WaitingTask task = submitted(core, tasks.task(NORMAL, 512));
        assertThat(core.started(task.taskId(), T0)).isFalse();
        core.decide(T0);
        assertThat(core.started(task.taskId(), T0.plusSeconds(1))).isTrue();
    }

    @Test
    void theStatusCountsWaitingTasksPerPriorityAndTheLongestEligibleWait() {
        submitted(core, tasks.at(T0).task(NORMAL, 4096));
        submitted(core, tasks.at(T0.plusSeconds(30)).task(NORMAL, 4096));
        submitted(core, tasks.at(T0.plusSeconds(40)).task(CRITICAL, 4096));
        core.decide(T0.plusSeconds(40));

        SchedulerStatus status = core.status(T0.plusSeconds(100));

        assertThat(status.strategy()).isEqualTo("first-fit");
        assertThat(status.waiting()).containsEntry(NORMAL, 2).containsEntry(CRITICAL, 0);
        assertThat(status.longestEligibleWait()).containsOnlyKeys(NORMAL)
                .containsEntry(NORMAL, Duration.ofSeconds(100));
        assertThat(status.running()).isEqualTo(1);
        assertThat(status.free()).isEqualTo(new Capacity(0, 3500, 0, 0));
    }
}
