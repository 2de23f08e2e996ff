package dev.symbiont.scheduler;

import static dev.symbiont.scheduler.TaskPriority.CRITICAL;
import static dev.symbiont.scheduler.TaskPriority.LOW;
import static dev.symbiont.scheduler.Tasks.T0;
import static dev.symbiont.scheduler.Tasks.submitted;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A preemption called off because policy protects a victim: nothing is lost and the protected task stays. */
class SparedPreemptionTest {

    private final Tasks tasks = new Tasks();
    private final SchedulingCore core = Tasks.core("first-fit");

    private WaitingTask running(TaskPriority priority, int memoryMb, Instant at) {
        return tasks.running(core, priority, memoryMb, at);
    }

    @Test
    void aProtectedVictimIsNeverChosenAgainAndTheNextOneIsTakenInstead() {
        WaitingTask older = running(LOW, 2048, T0);
        WaitingTask newer = running(LOW, 2048, T0.plusSeconds(1));
        WaitingTask critical = submitted(core, tasks.task(CRITICAL, 2048));
        SchedulingDecision.Preempt first = Tasks.preemptions(core.decide(T0.plusSeconds(2))).getFirst();
        assertThat(first.victims()).containsExactly(newer);

        assertThat(core.spare(critical.taskId(), Set.of(newer.taskId()))).isTrue();

        SchedulerStatus afterSpare = core.status(T0.plusSeconds(2));
        assertThat(afterSpare.preemptionsPending()).isZero();
        assertThat(afterSpare.used().memoryMb()).as("the reservation went back").isEqualTo(4096);
        assertThat(afterSpare.waiting().get(CRITICAL)).isEqualTo(1);
        SchedulingDecision.Preempt second = Tasks.preemptions(core.decide(T0.plusSeconds(3))).getFirst();
        assertThat(second.beneficiary()).isEqualTo(critical);
        assertThat(second.victims()).containsExactly(older);
        assertThat(core.preemptionDone(older.taskId())).isTrue();
        assertThat(Tasks.started(core.decide(T0.plusSeconds(4)))).containsExactly(critical);
    }

    @Test
    void whenEveryCandidateIsProtectedTheTaskWaitsForCapacityToFreeUp() {
        WaitingTask only = running(LOW, 4096, T0);
        WaitingTask critical = submitted(core, tasks.task(CRITICAL, 1024));
        assertThat(Tasks.preemptions(core.decide(T0.plusSeconds(1))).getFirst().victims()).containsExactly(only);

        core.spare(critical.taskId(), Set.of(only.taskId()));

        assertThat(core.decide(T0.plusSeconds(2))).as("nothing else to preempt").isEmpty();
        core.finished(only.taskId());
        assertThat(Tasks.started(core.decide(T0.plusSeconds(3)))).containsExactly(critical);
        assertThat(core.status(T0.plusSeconds(3)).used().memoryMb()).isEqualTo(1024);
    }

    @Test
    void aVictimThatEndedBeforeTheSpareGivesItsCapacityBackToThePool() {
        WaitingTask victim = running(LOW, 4096, T0);
        WaitingTask critical = submitted(core, tasks.task(CRITICAL, 4096));
        core.decide(T0.plusSeconds(1));
        core.finished(victim.taskId()); // ended by itself while policy was being asked

        core.spare(critical.taskId(), Set.of(victim.taskId()));

        assertThat(core.status(T0.plusSeconds(2)).used().memoryMb()).isZero();
        assertThat(Tasks.started(core.decide(T0.plusSeconds(2)))).containsExactly(critical);
        assertThat(core.spare(critical.taskId(), Set.of())).as("no longer pending").isFalse();
    }
}
