package dev.symbiont.scheduler;

import static dev.symbiont.scheduler.TaskPriority.CRITICAL;
import static dev.symbiont.scheduler.TaskPriority.LOW;
import static dev.symbiont.scheduler.TaskPriority.NORMAL;
import static dev.symbiont.scheduler.Tasks.T0;
import static dev.symbiont.scheduler.Tasks.started;
import static dev.symbiont.scheduler.Tasks.submitted;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A held agent (suspended by an operator or for a violation): its tasks keep their places but none starts. */
class AgentHoldTest {

    private final Tasks tasks = new Tasks();
    private final SchedulingCore core = Tasks.core("first-fit");
    private final UUID agent = UUID.randomUUID();

    @Test
    void aHeldAgentsTasksWaitWhileOthersRunAndStartInTheirOrderOnceReleased() {
        WaitingTask first = submitted(core, tasks.forAgent(agent, NORMAL, 512));
        WaitingTask second = submitted(core, tasks.forAgent(agent, NORMAL, 512));
        core.hold(agent);
        WaitingTask other = submitted(core, tasks.task(LOW, 512));

        assertThat(started(core.decide(T0))).containsExactly(other);
        SchedulerStatus held = core.status(T0);
        assertThat(held.heldAgents()).isEqualTo(1);
        assertThat(held.waitingTotal()).as("held tasks are still waiting").isEqualTo(2);
        assertThat(held.eligible()).isZero();

        core.release(agent);
        assertThat(started(core.decide(T0))).containsExactly(first);
        core.finished(first.taskId());
        assertThat(started(core.decide(T0))).containsExactly(second);
        assertThat(core.status(T0).heldAgents()).isZero();
    }

    @Test
    void aHoldOutlivesTheAgentHavingNothingWaitingAndCoversTasksQueuedLater() {
        core.hold(agent);
        WaitingTask later = submitted(core, tasks.forAgent(agent, CRITICAL, 512));

        assertThat(core.decide(T0)).isEmpty();
        core.release(agent);
        assertThat(started(core.decide(T0))).containsExactly(later);
    }

    @Test
    void holdingTheAgentOfARunningTaskLeavesItRunningButItsNextTaskWaits() {
        WaitingTask running = submitted(core, tasks.forAgent(agent, NORMAL, 512));
        WaitingTask next = submitted(core, tasks.forAgent(agent, NORMAL, 512));
        assertThat(started(core.decide(T0))).containsExactly(running);

        core.hold(agent);
        core.finished(running.taskId());
        assertThat(core.decide(T0)).isEmpty();

        core.submit(running); // handed back preempted by the suspend: waits in its old place, ahead of next
        core.release(agent);
        assertThat(started(core.decide(T0))).containsExactly(running);
        assertThat(core.status(T0).waitingTotal()).isEqualTo(1);
        assertThat(core.cancel(next.taskId())).isEqualTo(Cancellation.WITHDRAWN);
    }

    @Test
    void repeatedHoldsAndReleasesChangeNothing() {
        WaitingTask task = submitted(core, tasks.forAgent(agent, NORMAL, 512));
        core.hold(agent);
        core.hold(agent);
        core.release(agent);
        core.release(agent);

        assertThat(started(core.decide(T0))).containsExactly(task);
    }
}
