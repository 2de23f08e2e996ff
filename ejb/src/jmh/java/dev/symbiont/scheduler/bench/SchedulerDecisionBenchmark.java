package dev.symbiont.scheduler.bench;

import dev.symbiont.scheduler.SchedulerSettings;
import dev.symbiont.scheduler.SchedulerStatus;
import dev.symbiont.scheduler.SchedulingCore;
import dev.symbiont.scheduler.WaitingTask;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decision latency with a deep queue: 100,000 waiting tasks, each of its own agent (100,000 agents), on a node
 * with room for about 270 at once ({@link SchedulerWorkload}). One operation is one scheduling cycle in steady
 * state: the longest-running task ends, its agent submits a new task, and the core decides until it has nothing
 * more to say (preemptions are confirmed at once and decided again, so a cycle with a preemption counts both
 * rounds). Waiting plus running tasks stay constant, so the queue stays near 100,000 (it moves by the few tasks
 * the node holds more or fewer of as sizes vary). Virtual time advances 1 ms per cycle, so tasks age as they wait.
 *
 * <p>Sample mode gives the percentiles; the target is p99 under 100 us.
 *
 * <p>Run: {@code ./mvnw -o -Pbench -pl ejb -am verify -DskipTests -Djmh.args="SchedulerDecisionBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SchedulerDecisionBenchmark {

    @Param({"first-fit", "best-fit", "priority-based"})
    String strategy;

    @Param("100000")
    int waiting;

    private SchedulingCore core;
    private SimulatedWrapper wrapper;
    private SchedulerWorkload workload;
    private Instant now;
    private int tasksInCore;

    @Setup(Level.Trial)
    public void fill() {
        core = new SchedulingCore(SchedulerWorkload.NODE, new SchedulerSettings(strategy, Duration.ofMinutes(1),
                0.2, Duration.ofMinutes(5), 32));
        wrapper = new SimulatedWrapper(core);
        workload = new SchedulerWorkload(20260302L);
        now = SchedulerWorkload.START;
        // the node fills first, then the queue is topped up to its depth
        for (int i = 0; i < waiting; i++) {
            core.submit(workload.task(workload.agent(), now));
        }
        wrapper.decideAndApply(now);
        while (core.status(now).waitingTotal() < waiting) {
            core.submit(workload.task(workload.agent(), now));
        }
        SchedulerStatus status = core.status(now);
        tasksInCore = status.waitingTotal() + status.running();
        System.out.printf("%n# %s: %,d waiting, %,d running, %,d agents with work, used %s of %s%n", strategy,
                status.waitingTotal(), status.running(), status.activeAgents(), status.used().describe(),
                status.total().describe());
    }

    @Benchmark
    public int decideAndFinishCycle() {
        now = now.plusMillis(1);
        WaitingTask ended = wrapper.finishOldest();
        core.submit(workload.task(ended.agentId(), now));
        return wrapper.decideAndApply(now);
    }

    @TearDown(Level.Trial)
    public void report() {
        SchedulerStatus status = core.status(now);
        System.out.printf("%n# after %,d starts and %,d preemptions: %,d waiting %s, %,d running, used %s%n",
                wrapper.starts(), wrapper.preemptions(), status.waitingTotal(), status.waiting(), status.running(),
                status.used().describe());
        if (status.waitingTotal() + status.running() != tasksInCore || status.running() != wrapper.running()) {
            throw new IllegalStateException("tasks were lost or the core and the simulated wrapper disagree on "
                    + "what runs");
        }
    }
}
