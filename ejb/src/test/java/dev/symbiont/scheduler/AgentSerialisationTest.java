package dev.symbiont.scheduler;

import static dev.symbiont.scheduler.TaskPriority.HIGH;
import static dev.symbiont.scheduler.TaskPriority.LOW;
import static dev.symbiont.scheduler.TaskPriority.NORMAL;
import static dev.symbiont.scheduler.Tasks.T0;
import static dev.symbiont.scheduler.Tasks.submitted;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An agent is ready, running, ready again: one task at a time, however much room the node has. */
class AgentSerialisationTest {

    private final Tasks tasks = new Tasks();
    private final SchedulingCore core = Tasks.core("first-fit");
    private final UUID agent = UUID.randomUUID();

    @Test
    void anAgentRunsOneTaskAtATimeEvenWithRoomForMore() {
        WaitingTask first = submitted(core, tasks.forAgent(agent, NORMAL, 256));
        submitted(core, tasks.forAgent(agent, NORMAL, 256));

        assertThat(Tasks.started(core.decide(T0))).containsExactly(first);
        assertThat(core.decide(T0)).isEmpty();
    }

    @Test
    void whenItsTaskEndsTheAgentsNextTaskBecomesEligible() {
        WaitingTask first = submitted(core, tasks.forAgent(agent, NORMAL, 256));
        WaitingTask second = submitted(core, tasks.forAgent(agent, NORMAL, 256));
        core.decide(T0);

        core.finished(first.taskId());

        assertThat(Tasks.started(core.decide(T0))).containsExactly(second);
    }

    @Test
    void onlyTheAgentsBestTaskCompetesAndItIsTheHighestPriorityThenTheOldest() {
        submitted(core, tasks.forAgent(agent, LOW, 256));
        WaitingTask olderNormal = submitted(core, tasks.forAgent(agent, NORMAL, 256));
        submitted(core, tasks.forAgent(agent, NORMAL, 256));

        assertThat(core.status(T0).eligible()).isEqualTo(1);
        assertThat(Tasks.started(core.decide(T0))).containsExactly(olderNormal);
    }

    @Test
    void aHigherPriorityTaskForTheAgentTakesTheEligiblePlaceOfItsLowerOne() {
        WaitingTask low = submitted(core, tasks.forAgent(agent, LOW, 256));
        WaitingTask high = submitted(core, tasks.forAgent(agent, HIGH, 256));

        assertThat(core.status(T0).eligible()).isEqualTo(1);
        assertThat(Tasks.started(core.decide(T0))).containsExactly(high);
        core.finished(high.taskId());
        assertThat(Tasks.started(core.decide(T0))).containsExactly(low);
    }

    @Test
    void tasksSubmittedWhileTheAgentRunsWaitForIt() {
        WaitingTask running = submitted(core, tasks.forAgent(agent, LOW, 256));
        core.decide(T0);
        WaitingTask high = submitted(core, tasks.forAgent(agent, HIGH, 256));

        assertThat(core.status(T0).eligible()).isZero();
        assertThat(core.status(T0).waiting()).containsEntry(HIGH, 1);
        assertThat(core.decide(T0)).isEmpty();

        core.finished(running.taskId());
        assertThat(Tasks.started(core.decide(T0))).containsExactly(high);
    }

    @Test
    void nothingIsKeptForAnAgentOnceItNeitherWaitsNorRuns() {
        WaitingTask only = submitted(core, tasks.forAgent(agent, NORMAL, 256));
        core.decide(T0);
        assertThat(core.status(T0).activeAgents()).isEqualTo(1);

        core.finished(only.taskId());

        assertThat(core.status(T0).activeAgents()).isZero();
    }
}
