package dev.symbiont.scheduler.bench;

import dev.symbiont.scheduler.Capacity;
import dev.symbiont.scheduler.Cancellation;
import dev.symbiont.scheduler.ResourceRequest;
import dev.symbiont.scheduler.SchedulerSettings;
import dev.symbiont.scheduler.SchedulerStatus;
import dev.symbiont.scheduler.SchedulingCore;
import dev.symbiont.scheduler.SchedulingDecision;
import dev.symbiont.scheduler.TaskPriority;
import dev.symbiont.scheduler.WaitingTask;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What 100,000 idle agents cost the scheduler: heap and CPU. "Registered" here means every agent has had a task
 * through the core (submitted, started, finished), so the core has seen them all; the heap the core retains
 * afterwards is measured after full collections against the empty core. For scale, the same is measured with one
 * waiting task per agent. The idle CPU is the process's CPU time over a quiet window, first with nothing calling
 * the core, then with a driver thread calling {@code decide} every 100 ms as a wrapper on a timer would (the core
 * needs no timer: it decides when an event comes).
 *
 * <p>JMH's score is just the run's duration; the figures are the lines printed with {@code #}.
 *
 * <p>Run: {@code ./mvnw -o -Pbench -pl ejb -am verify -DskipTests -Djmh.args="SchedulerFootprintBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class SchedulerFootprintBenchmark {

    @Param("100000")
    int agents;

    @Param("10")
    int idleSeconds;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Benchmark
    public SchedulerStatus idleAgents() throws InterruptedException {
        List<UUID> agentIds = new ArrayList<>(agents);
        for (int i = 0; i < agents; i++) {
            agentIds.add(UUID.randomUUID());
        }
        long beforeCore = usedHeapAfterGc();
        SchedulingCore core = new SchedulingCore(Capacity.ofNode(1_000_000, 1_000, 0, 0),
                SchedulerSettings.defaults());
        long emptyCore = usedHeapAfterGc();

        runOneTaskEach(core, agentIds);
        long idle = usedHeapAfterGc();
        SchedulerStatus afterRuns = core.status(Instant.now());

        List<UUID> waiting = queueOneTaskEach(core, agentIds);
        long queued = usedHeapAfterGc();
        for (UUID task : waiting) {
            if (core.cancel(task) != Cancellation.WITHDRAWN) {
                throw new IllegalStateException("a queued task was not waiting");
            }
        }
        long idleAgain = usedHeapAfterGc();

        System.out.printf("%n# heap: empty core %,d bytes (JVM before it %,d)%n", emptyCore - beforeCore, beforeCore);
        System.out.printf("# %,d agents registered (one task each started and finished), now idle: core retains "
                + "%,d bytes, %.1f bytes per idle agent; %d agents with work, %s used%n", agents, idle - emptyCore,
                (double) (idle - emptyCore) / agents, afterRuns.activeAgents(), afterRuns.used().describe());
        System.out.printf("# with one waiting task per agent: %,d bytes, %.0f bytes per waiting task%n",
                queued - emptyCore, (double) (queued - emptyCore) / agents);
        System.out.printf("# all cancelled, idle again: core retains %,d bytes%n", idleAgain - emptyCore);

        idleCpu(core);
        Reference.reachabilityFence(agentIds);
        return core.status(Instant.now());
    }

    private void runOneTaskEach(SchedulingCore core, List<UUID> agentIds) {
        ResourceRequest request = new ResourceRequest(64, 0.05, 1, 0, Duration.ofSeconds(30));
        long sequence = 0;
        for (int from = 0; from < agentIds.size(); from += 10_000) {
            Instant now = Instant.now();
            for (UUID agent : agentIds.subList(from, Math.min(agentIds.size(), from + 10_000))) {
                core.submit(new WaitingTask(UUID.randomUUID(), agent, TaskPriority.NORMAL, request, now, ++sequence));
            }
            for (SchedulingDecision decision : core.decide(now)) {
                core.finished(((SchedulingDecision.Start) decision).task().taskId());
            }
        }
    }

    private List<UUID> queueOneTaskEach(SchedulingCore core, List<UUID> agentIds) {
        // far more than the node holds, so they wait: nobody calls decide
        ResourceRequest request = new ResourceRequest(512, 0.5, 1, 0, Duration.ofSeconds(30));
        Instant now = Instant.now();
        List<UUID> tasks = new ArrayList<>(agentIds.size());
        long sequence = 1_000_000;
        for (UUID agent : agentIds) {
            WaitingTask task = new WaitingTask(UUID.randomUUID(), agent, TaskPriority.LOW, request, now, ++sequence);
            core.submit(task);
            tasks.add(task.taskId());
        }
        return tasks;
    }

    private void idleCpu(SchedulingCore core) throws InterruptedException {
        long quiet = processCpuOver(() -> { });
        long[] driverCpu = new long[1];
        long ticking = processCpuOver(() -> {
            Thread driver = Thread.ofPlatform().name("scheduler-tick").start(() -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(idleSeconds);
                while (System.nanoTime() < deadline) {
                    core.decide(Instant.now());
                    core.status(Instant.now());
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                driverCpu[0] = threads.getCurrentThreadCpuTime();
            });
            try {
                driver.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        double seconds = idleSeconds;
        System.out.printf("# idle CPU over %d s: process %,d ms (%.2f%% of one core) with nothing calling the core%n",
                idleSeconds, quiet / 1_000_000, quiet / 1e7 / seconds);
        System.out.printf("# idle CPU over %d s: process %,d ms (%.2f%% of one core) with decide+status every 100 ms;"
                + " the ticking thread itself %.1f ms%n", idleSeconds, ticking / 1_000_000, ticking / 1e7 / seconds,
                driverCpu[0] / 1e6);
    }

    /** Process CPU time while {@code during} runs, or while the thread sleeps idleSeconds if it returns at once. */
    private long processCpuOver(Runnable during) throws InterruptedException {
        long before = os.getProcessCpuTime();
        long started = System.nanoTime();
        during.run();
        long left = TimeUnit.SECONDS.toNanos(idleSeconds) - (System.nanoTime() - started);
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
        return os.getProcessCpuTime() - before;
    }

    private long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
