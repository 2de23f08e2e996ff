package dev.symbiont.scheduler;

import static dev.symbiont.scheduler.TaskPriority.CRITICAL;
import static dev.symbiont.scheduler.TaskPriority.HIGH;
import static dev.symbiont.scheduler.TaskPriority.LOW;
import static dev.symbiont.scheduler.TaskPriority.NORMAL;
import static dev.symbiont.scheduler.Tasks.T0;
import static dev.symbiont.scheduler.Tasks.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreemptionTest {

    private final Tasks tasks = new Tasks();
    private final SchedulingCore core = Tasks.core("first-fit");

    private WaitingTask running(TaskPriority priority, int memoryMb, Instant at) {
        return tasks.running(core, priority, memoryMb, at);
    }

    @Test
    void aCriticalTaskStopsTheLowestPriorityTaskThatStartedMostRecently() {
        running(NORMAL, 1024, T0);
        running(LOW, 1024, T0.plusSeconds(1));
        WaitingTask newestLow = running(LOW, 1024, T0.plusSeconds(2));
        running(NORMAL, 1024, T0.plusSeconds(3));
        WaitingTask critical = submitted(core, tasks.task(CRITICAL, 1024));

        List<SchedulingDecision> decisions = core.decide(T0.plusSeconds(4));

        assertThat(decisions).hasSize(1);
        SchedulingDecision.Preempt preempt = Tasks.preemptions(decisions).getFirst();
        assertThat(preempt.beneficiary()).isEqualTo(critical);
        assertThat(preempt.victims()).containsExactly(newestLow);
        assertThat(preempt.reason()).contains("critical task " + critical.taskId(), "1 task(s) of lower priority (low)");
    }

    @Test
    void theWrappersStartTimeDecidesWhichStartedMostRecently() {
        WaitingTask first = running(LOW, 2048, T0);
        running(LOW, 2048, T0.plusSeconds(1));
        core.started(first.taskId(), T0.plusSeconds(5));
        submitted(core, tasks.task(CRITICAL, 2048));

        assertThat(Tasks.preemptions(core.decide(T0.plusSeconds(6))).getFirst().victims()).containsExactly(first);
    }

    @Test
    void aBiggerTaskTakesAsManyVictimsAsItNeedsLowestPriorityFirst() {
        WaitingTask normal = running(NORMAL, 1024, T0);
        WaitingTask olderLow = running(LOW, 1024, T0.plusSeconds(1));
        WaitingTask newerLow = running(LOW, 1024, T0.plusSeconds(2));
        running(HIGH, 1024, T0.plusSeconds(3));
        submitted(core, tasks.task(CRITICAL, 3072));

        assertThat(Tasks.preemptions(core.decide(T0.plusSeconds(4))).getFirst().victims())
                .containsExactly(newerLow, olderLow, normal);
    }

    @Test
    void victimsThatTurnOutNotToBeNeededAreLeftRunning() {
        running(LOW, 512, T0);
        running(LOW, 512, T0.plusSeconds(1));
        WaitingTask normal = running(NORMAL, 3072, T0.plusSeconds(2));
        submitted(core, tasks.task(CRITICAL, 3072));

        assertThat(Tasks.preemptions(core.decide(T0.plusSeconds(3))).getFirst().victims()).containsExactly(normal);
    }

    @Test
    void nothingIsStoppedWhenEvenAllLowerPriorityTasksWouldNotFreeEnough() {
        running(LOW, 1024, T0);
        running(NORMAL, 1024, T0);
        running(CRITICAL, 2048, T0);
        submitted(core, tasks.task(HIGH, 3072));

        assertThat(core.decide(T0.plusSeconds(1))).isEmpty();
        assertThat(core.status(T0).running()).isEqualTo(3);
    }

    @Test
    void aTaskOfEqualPriorityIsNeverStopped() {
        running(NORMAL, 4096, T0);
        submitted(core, tasks.task(NORMAL, 1024));

        assertThat(core.decide(T0.plusSeconds(1))).isEmpty();
    }

    @Test
    void anAgedLowTaskNeverPreempts() {
        running(NORMAL, 4096, T0);
        submitted(core, tasks.at(T0).task(LOW, 1024));
        Instant muchLater = T0.plus(Tasks.AGEING_STEP.multipliedBy(10));

        assertThat(core.decide(muchLater)).isEmpty();
    }

    @Test
    void whileVictimsAreBeingStoppedTheirCapacityStaysTakenAndNoOneIsStoppedTwice() {
        for (int i = 0; i < 4; i++) {
            running(LOW, 1024, T0.plusSeconds(i));
        }
        submitted(core, tasks.task(CRITICAL, 1024));
        assertThat(Tasks.preemptions(core.decide(T0.plusSeconds(5)))).hasSize(1);

        assertThat(core.decide(T0.plusSeconds(6))).isEmpty();
        SchedulerStatus status = core.status(T0);
        assertThat(status.used()).isEqualTo(new Capacity(4096, 2000, 0, 0));
        assertThat(status.running()).isEqualTo(4);
        assertThat(status.preemptionsPending()).isEqualTo(1);
    }

    @Test
    void theBeneficiaryStartsOnceItsVictimsAreStoppedAndTheVictimWaitsAgain() {
        for (int i = 0; i < 4; i++) {
            running(LOW, 1024, T0.plusSeconds(i));
        }
        WaitingTask critical = submitted(core, tasks.task(CRITICAL, 1024));
        WaitingTask victim = Tasks.preemptions(core.decide(T0.plusSeconds(5))).getFirst().victims().getFirst();

        assertThat(core.preemptionDone(victim.taskId())).isTrue();

        assertThat(core.decide(T0.plusSeconds(6))).containsExactly(
                new SchedulingDecision.Start(critical, new Capacity(1024, 500, 0, 0)));
        assertThat(core.status(T0).waiting()).containsEntry(LOW, 1);
        assertThat(core.status(T0).used()).isEqualTo(new Capacity(4096, 2000, 0, 0));
    }

    @Test
    void thePreemptedTaskRunsBeforeNewerTasksOfItsPriorityOnceTheCriticalOneEnds() {
        for (int i = 0; i < 4; i++) {
            running(LOW, 1024, T0.plusSeconds(i));
        }
        WaitingTask newerLow = submitted(core, tasks.at(T0.plusSeconds(5)).task(LOW, 1024));
        WaitingTask critical = submitted(core, tasks.at(T0.plusSeconds(5)).task(CRITICAL, 1024));
        WaitingTask victim = Tasks.preemptions(core.decide(T0.plusSeconds(5))).getFirst().victims().getFirst();
        core.preemptionDone(victim.taskId());
        assertThat(Tasks.started(core.decide(T0.plusSeconds(6)))).containsExactly(critical);

        core.finished(critical.taskId());

        assertThat(Tasks.started(core.decide(T0.plusSeconds(7)))).containsExactly(victim);
        assertThat(core.status(T0).waiting()).containsEntry(LOW, 1);
        assertThat(newerLow.enqueuedAt()).isAfter(victim.enqueuedAt());
    }

    @Test
    void aVictimThatEndsByItselfBeforeItIsStoppedStillMakesRoomAndDoesNotWaitAgain() {
        for (int i = 0; i < 4; i++) {
            running(LOW, 1024, T0.plusSeconds(i));
        }
        WaitingTask critical = submitted(core, tasks.task(CRITICAL, 1024));
        WaitingTask victim = Tasks.preemptions(core.decide(T0.plusSeconds(5))).getFirst().victims().getFirst();

        core.finished(victim.taskId());

        assertThat(Tasks.started(core.decide(T0.plusSeconds(6)))).containsExactly(critical);
        assertThat(core.status(T0).waitingTotal()).isZero();
    }

    @Test
    void cancellingTheBeneficiaryGivesItsReservationBackAndTheVictimResumes() {
        for (int i = 0; i < 2; i++) {
            running(LOW, 2048, T0.plusSeconds(i));
        }
        WaitingTask critical = submitted(core, tasks.task(CRITICAL, 3072));
        List<WaitingTask> victims = Tasks.preemptions(core.decide(T0.plusSeconds(5))).getFirst().victims();
        assertThat(victims).hasSize(2);

        assertThat(core.cancel(critical.taskId())).isEqualTo(Cancellation.WITHDRAWN);
        core.preemptionDone(victims.get(0).taskId());
        core.preemptionDone(victims.get(1).taskId());

        assertThat(Tasks.started(core.decide(T0.plusSeconds(6)))).containsExactlyInAnyOrderElementsOf(victims);
        assertThat(core.status(T0).used()).isEqualTo(new Capacity(4096, 1000, 0, 0));
        assertThat(core.status(T0).preemptionsPending()).isZero();
    }

    @Test
    void confirmingTheStopOfATaskThatWasNotAVictimIsAnError() {
        WaitingTask task = running(LOW, 1024, T0);
        assertThatThrownBy(() -> core.preemptionDone(task.taskId())).isInstanceOf(IllegalStateException.class);
    }
}
