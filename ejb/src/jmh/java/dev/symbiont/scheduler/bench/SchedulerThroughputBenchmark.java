package dev.symbiont.scheduler.bench;

import dev.symbiont.scheduler.Capacity;
import dev.symbiont.scheduler.ResourceRequest;
import dev.symbiont.scheduler.SchedulerSettings;
import dev.symbiont.scheduler.SchedulerStatus;
import dev.symbiont.scheduler.SchedulingCore;
import dev.symbiont.scheduler.TaskPriority;
import dev.symbiont.scheduler.WaitingTask;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Tasks/s through the scheduling core against the same tasks handed straight to the same kind of executor, the
 * limit the core can at best reach. 100,000 agents each submit one task per round; at most 10,000 are in flight
 * (submitted and not finished) in both ways; each task is a few microseconds of CPU on a virtual thread. The node
 * has room for exactly 10,000 such tasks, so the core's accounting runs at its limit too.
 *
 * <p>As in the audit benchmark, the baseline cannot be a second benchmark method (it would run in another JVM at
 * another moment of a shared machine): every core-driven round is preceded by a direct round of the same tasks,
 * timed in the invocation setup that JMH leaves out. The summary at the end gives both rates and their ratio.
 *
 * <p>Run: {@code ./mvnw -o -Pbench -pl ejb -am verify -DskipTests -Djmh.args="SchedulerThroughputBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 4)
@Measurement(iterations = 5, time = 4)
public class SchedulerThroughputBenchmark {

    static final int AGENTS = 100_000;

    @Param("10000")
    int inFlight;

    /** How tasks report their end: each calls finished itself, or the driver reports the ends it finds. */
    @Param({"each-task", "driver"})
    String endsReportedBy;

    /** JMH's Blackhole.consumeCPU tokens per task; the setup prints what they cost here. */
    @Param("2000")
    int workTokens;

    private WaitingTask[] tasks;
    private SchedulingCore core;
    private ExecutorService executor;
    private CoreDrivenRound coreDriven;
    private final RoundRates throughCore = new RoundRates();
    private final RoundRates direct = new RoundRates();
    private boolean measuring;

    @Setup(Level.Trial)
    public void start() {
        Random random = new Random(20260302L);
        ResourceRequest request = new ResourceRequest(16, 0.01, 1, 0, Duration.ofSeconds(30));
        Instant enqueued = Instant.now();
        tasks = new WaitingTask[AGENTS];
        for (int i = 0; i < AGENTS; i++) {
            UUID agent = new UUID(random.nextLong(), random.nextLong());
            tasks[i] = new WaitingTask(new UUID(random.nextLong(), random.nextLong()), agent,
                    TaskPriority.values()[random.nextInt(4)], request, enqueued, i);
        }
        Capacity node = new Capacity(16L * inFlight, 10L * inFlight, inFlight, 0);
        core = new SchedulingCore(node, SchedulerSettings.defaults());
        executor = Executors.newVirtualThreadPerTaskExecutor();
        coreDriven = new CoreDrivenRound(core, executor, this::work, endsReportedBy.equals("driver"));
        System.out.printf("%n# %,d agents, one task each per round, %,d in flight, %d tokens of work per task "
                + "(%.2f us on one thread); ends reported by %s%n", AGENTS, inFlight, workTokens, workMicros(),
                endsReportedBy);
    }

    private double workMicros() {
        for (int i = 0; i < 20_000; i++) {
            work();
        }
        long started = System.nanoTime();
        for (int i = 0; i < 20_000; i++) {
            work();
        }
        return (System.nanoTime() - started) / 20_000 / 1e3;
    }

    private void work() {
        Blackhole.consumeCPU(workTokens);
    }

    @Setup(Level.Iteration)
    public void iteration(IterationParams iteration) {
        measuring = iteration.getType() == IterationType.MEASUREMENT;
    }

    @Setup(Level.Invocation)
    public void directRound() throws InterruptedException {
        Semaphore slots = new Semaphore(inFlight);
        CountDownLatch ended = new CountDownLatch(tasks.length);
        long started = System.nanoTime();
        for (int i = 0; i < tasks.length; i++) {
            slots.acquire();
            executor.execute(() -> {
                work();
                slots.release();
                ended.countDown();
            });
        }
        ended.await();
        long nanos = System.nanoTime() - started;
        if (measuring) {
            direct.add(tasks.length, nanos);
        }
    }

    @Benchmark
    @OperationsPerInvocation(AGENTS)
    public void throughTheCore() throws InterruptedException {
        long nanos = coreDriven.run(tasks, inFlight);
        if (measuring) {
            throughCore.add(tasks.length, nanos);
        }
    }

    @TearDown(Level.Trial)
    public void report() {
        executor.close();
        System.out.printf("%n# %d measured rounds of %,d tasks each, alternating direct and through the core:%n",
                throughCore.rounds(), AGENTS);
        line("through the scheduling core", throughCore);
        line("straight to the executor", direct);
        System.out.printf("#   ratio core/direct: %.2f (of median rounds: %.2f)%n",
                throughCore.tasksPerSecond() / direct.tasksPerSecond(),
                throughCore.medianTasksPerSecond() / direct.medianTasksPerSecond());
        SchedulerStatus status = core.status(Instant.now());
        if (status.running() != 0 || status.waitingTotal() != 0 || !status.used().equals(Capacity.NONE)
                || status.activeAgents() != 0) {
            throw new IllegalStateException("the core did not end empty: " + status);
        }
    }

    private static void line(String what, RoundRates rates) {
        System.out.printf("#   %-30s %,11.0f tasks/s (median round %,.0f)%n", what, rates.tasksPerSecond(),
                rates.medianTasksPerSecond());
    }
}
