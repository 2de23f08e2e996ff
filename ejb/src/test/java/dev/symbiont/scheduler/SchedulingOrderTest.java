package dev.symbiont.scheduler;

import static dev.symbiont.scheduler.TaskPriority.CRITICAL;
import static dev.symbiont.scheduler.TaskPriority.HIGH;
import static dev.symbiont.scheduler.TaskPriority.LOW;
import static dev.symbiont.scheduler.TaskPriority.NORMAL;
import static dev.symbiont.scheduler.Tasks.T0;
import static dev.symbiont.scheduler.Tasks.submitted;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tasks that fill the whole node run one at a time, so the order they start in is the scheduler's order. */
class SchedulingOrderTest {

    private static final int WHOLE_NODE = 4096;

    private final Tasks tasks = new Tasks();
    private final SchedulingCore core = Tasks.core("first-fit");

    @Test
    void higherPriorityRunsFirst() {
        WaitingTask low = submitted(core, tasks.task(LOW, WHOLE_NODE));
        WaitingTask normal = submitted(core, tasks.task(NORMAL, WHOLE_NODE));
        WaitingTask high = submitted(core, tasks.task(HIGH, WHOLE_NODE));
        WaitingTask critical = submitted(core, tasks.task(CRITICAL, WHOLE_NODE));

        assertThat(runOneAtATime(T0)).containsExactly(critical, high, normal, low);
    }

    @Test
    void withinAPriorityTheOldestRunsFirstAndTheSequenceBreaksTies() {
        WaitingTask second = tasks.at(T0.plusSeconds(1)).task(NORMAL, WHOLE_NODE);
        WaitingTask first = tasks.at(T0).task(NORMAL, WHOLE_NODE);
        WaitingTask third = tasks.at(T0.plusSeconds(1)).task(NORMAL, WHOLE_NODE);
        core.submit(third);
        core.submit(second);
        core.submit(first);

        assertThat(runOneAtATime(T0.plusSeconds(2))).containsExactly(first, second, third);
    }

    @Test
    void aLowTaskOvertakesNewerNormalOnesOnceItHasWaitedOneAgeingStep() {
        WaitingTask low = submitted(core, tasks.at(T0).task(LOW, WHOLE_NODE));
        WaitingTask normal = submitted(core, tasks.at(T0.plusSeconds(10)).task(NORMAL, WHOLE_NODE));

        assertThat(runOneAtATime(T0.plus(Tasks.AGEING_STEP))).containsExactly(low, normal);
    }

    @Test
    void beforeItsFirstAgeingStepALowTaskStaysBehindNormalOnes() {
        WaitingTask low = submitted(core, tasks.at(T0).task(LOW, WHOLE_NODE));
        WaitingTask normal = submitted(core, tasks.at(T0.plusSeconds(10)).task(NORMAL, WHOLE_NODE));

        assertThat(runOneAtATime(T0.plus(Tasks.AGEING_STEP).minusMillis(1))).containsExactly(normal, low);
    }

    @Test
    void ageingNeverLiftsATaskToCritical() {
        WaitingTask low = submitted(core, tasks.at(T0).task(LOW, WHOLE_NODE));
        Instant muchLater = T0.plus(Tasks.AGEING_STEP.multipliedBy(100));
        WaitingTask critical = submitted(core, tasks.at(muchLater).task(CRITICAL, WHOLE_NODE));

        assertThat(runOneAtATime(muchLater)).containsExactly(critical, low);
        assertThat(new Ageing(Tasks.AGEING_STEP).effectiveRank(low, muchLater)).isEqualTo(HIGH.rank());
    }

    @Test
    void anAgedLowTaskTiesWithHighOnesAndThenTheOlderGoesFirst() {
        WaitingTask low = submitted(core, tasks.at(T0).task(LOW, WHOLE_NODE));
        Instant later = T0.plus(Tasks.AGEING_STEP.multipliedBy(2));
        WaitingTask high = submitted(core, tasks.at(later).task(HIGH, WHOLE_NODE));

        assertThat(runOneAtATime(later)).containsExactly(low, high);
    }

    @Test
    void aTaskEnqueuedInTheFutureHasNotWaitedAtAll() {
        WaitingTask early = tasks.at(T0.plusSeconds(600)).task(LOW, WHOLE_NODE);
        assertThat(new Ageing(Tasks.AGEING_STEP).effectiveRank(early, T0)).isEqualTo(LOW.rank());
    }

    private List<WaitingTask> runOneAtATime(Instant now) {
        List<WaitingTask> order = new ArrayList<>();
        for (List<WaitingTask> started = Tasks.started(core.decide(now)); !started.isEmpty();
                started = Tasks.started(core.decide(now))) {
            assertThat(started).hasSize(1);
            order.add(started.getFirst());
            core.finished(started.getFirst().taskId());
        }
        return order;
    }
}
