package dev.symbiont.scheduler;

import static dev.symbiont.scheduler.TaskPriority.CRITICAL;
import static dev.symbiont.scheduler.TaskPriority.NORMAL;
import static dev.symbiont.scheduler.Tasks.T0;
import static dev.symbiont.scheduler.Tasks.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlacementStrategyTest {

    private final Tasks tasks = new Tasks();

    @Test
    void firstFitTakesTheFirstThatFitsWhereBestFitTakesTheOneThatFillsTheNode() {
        SchedulingCore firstFit = Tasks.core("first-fit");
        SchedulingCore bestFit = Tasks.core("best-fit");
        WaitingTask small = tasks.task(NORMAL, 1024);
        WaitingTask whole = tasks.task(NORMAL, 4096);
        for (SchedulingCore core : List.of(firstFit, bestFit)) {
            core.submit(small);
            core.submit(whole);
        }

        assertThat(Tasks.started(firstFit.decide(T0))).containsExactly(small);
        assertThat(Tasks.started(bestFit.decide(T0))).containsExactly(whole);
    }

    @Test
    void bestFitMeasuresEachCandidateInItsDominantResource() {
        // the node is 4096 MB and 4 cores: 1024 MB with 3 cores leaves less CPU than 2048 MB with half a core
        // leaves memory, so it is the tighter fit although it takes less memory
        SchedulingCore core = Tasks.core("best-fit");
        WaitingTask memoryHeavy = submitted(core, tasks.task(NORMAL, 2048, 0.5));
        WaitingTask cpuHeavy = submitted(core, tasks.task(NORMAL, 1024, 3));

        assertThat(Tasks.started(core.decide(T0))).containsExactly(cpuHeavy, memoryHeavy);
    }

    @Test
    void firstFitStartsSmallerTasksBehindAHeadThatDoesNotFit() {
        SchedulingCore core = Tasks.core("first-fit");
        submitted(core, tasks.task(NORMAL, 2048));
        core.decide(T0);
        submitted(core, tasks.task(NORMAL, 4096));
        WaitingTask small = submitted(core, tasks.task(NORMAL, 1024));

        assertThat(Tasks.started(core.decide(T0))).containsExactly(small);
    }

    @ParameterizedTest
    @ValueSource(strings = {"first-fit", "best-fit"})
    void backfillingStopsOnceTheHeadHasWaitedLongerThanTheLimit(String strategy) {
        SchedulingCore core = Tasks.core(strategy);
        WaitingTask running = submitted(core, tasks.at(T0.minusSeconds(1)).task(NORMAL, 2048));
        core.decide(T0);
        WaitingTask big = submitted(core, tasks.at(T0).task(NORMAL, 4096));
        WaitingTask early = submitted(core, tasks.at(T0.plusSeconds(1)).task(NORMAL, 1024));
        assertThat(Tasks.started(core.decide(T0.plusSeconds(60)))).containsExactly(early);

        submitted(core, tasks.at(T0.plusSeconds(120)).task(NORMAL, 1024));
        assertThat(core.decide(T0.plus(Tasks.BACKFILL_LIMIT).plusSeconds(1))).isEmpty();

        core.finished(running.taskId());
        core.finished(early.taskId());
        assertThat(Tasks.started(core.decide(T0.plus(Tasks.BACKFILL_LIMIT).plusSeconds(2)))).containsExactly(big);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void firstFitLooksNoFurtherThanItsLookahead(int lookahead) {
        SchedulingCore core = new SchedulingCore(Tasks.NODE,
                new SchedulerSettings("first-fit", Tasks.AGEING_STEP, 0.2, Tasks.BACKFILL_LIMIT, lookahead));
        submitted(core, tasks.task(NORMAL, 2048));
        core.decide(T0);
        for (int i = 0; i < 3; i++) {
            submitted(core, tasks.task(NORMAL, 4096));
        }
        WaitingTask fourth = submitted(core, tasks.task(NORMAL, 1024));

        assertThat(Tasks.started(core.decide(T0))).isEqualTo(lookahead > 3 ? List.of(fourth) : List.of());
    }

    @Test
    void priorityBasedStartsOnlyTheHeadSoNothingOvertakesIt() {
        SchedulingCore core = Tasks.core("priority-based");
        submitted(core, tasks.task(NORMAL, 2048));
        core.decide(T0);
        submitted(core, tasks.task(NORMAL, 3000));
        submitted(core, tasks.task(NORMAL, 512));

        assertThat(core.decide(T0)).isEmpty();
    }

    @Test
    void priorityBasedKeepsTheHeadroomForCriticalTasks() {
        SchedulingCore core = Tasks.core("priority-based");
        for (int i = 0; i < 4; i++) {
            submitted(core, tasks.task(NORMAL, 1024));
        }
        // 20% of 4096 MB is kept: three tasks of 1024 MB fit beside it, a fourth would eat into it
        assertThat(Tasks.started(core.decide(T0))).hasSize(3);

        WaitingTask critical = submitted(core, tasks.task(CRITICAL, 1024));
        assertThat(core.decide(T0)).containsExactly(new SchedulingDecision.Start(critical,
                new Capacity(1024, 500, 0, 0)));
    }

    @Test
    void withoutHeadroomTheSameCriticalTaskMustPreemptUnderFirstFit() {
        SchedulingCore core = Tasks.core("first-fit");
        for (int i = 0; i < 4; i++) {
            submitted(core, tasks.task(TaskPriority.LOW, 1024));
        }
        assertThat(Tasks.started(core.decide(T0))).hasSize(4);

        submitted(core, tasks.task(CRITICAL, 1024));
        assertThat(Tasks.preemptions(core.decide(T0))).hasSize(1);
    }

    @Test
    void strategiesAreChosenByTheirConfigurationName() {
        assertThat(PlacementStrategy.named("first-fit", 32, Duration.ZERO)).isInstanceOf(FirstFit.class);
        assertThat(PlacementStrategy.named("Best-Fit", 32, Duration.ZERO)).isInstanceOf(BestFit.class);
        assertThat(PlacementStrategy.named("priority-based", 32, Duration.ZERO)).isInstanceOf(PriorityBased.class);
        assertThatThrownBy(() -> PlacementStrategy.named("round-robin", 32, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("placement strategy must be one of first-fit, best-fit, priority-based; got 'round-robin'");
    }
}
