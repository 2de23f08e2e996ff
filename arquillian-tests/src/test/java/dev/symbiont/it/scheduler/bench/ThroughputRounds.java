package dev.symbiont.it.scheduler.bench;

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
import java.util.concurrent.Semaphore;

/**
 * The throughput workload of ejb's SchedulerThroughputBenchmark, on the runtime's managed executor: {@code agents}
 * agents with one task each per round (priorities at random, 16 MB and 0.01 core each), a node with room for
 * exactly {@code inFlight} of them, and two ways to run a round. Straight to the executor is the limit; through the
 * core is what the scheduler adds to it. The same core and the same tasks serve every round, so the core's
 * structures are as warm as a long-running node's.
 */
final class ThroughputRounds {

    private static final ResourceRequest REQUEST = new ResourceRequest(16, 0.01, 1, 0, Duration.ofSeconds(30));

    private final ExecutorService executor;
    private final TokenWork work;
    private final int inFlight;
    private final WaitingTask[] tasks;
    private final Capacity node;
    private final SchedulingCore core;
    private final ThroughTheCore throughTheCore;

    ThroughputRounds(ExecutorService executor, TokenWork work, int agents, int inFlight) {
        this.executor = executor;
        this.work = work;
        this.inFlight = inFlight;
        Random random = new Random(20260302L);
        Instant enqueued = Instant.now();
        tasks = new WaitingTask[agents];
        for (int i = 0; i < agents; i++) {
            UUID agent = new UUID(random.nextLong(), random.nextLong());
            tasks[i] = new WaitingTask(new UUID(random.nextLong(), random.nextLong()), agent,
                    TaskPriority.values()[random.nextInt(TaskPriority.values().length)], REQUEST, enqueued, i);
        }
        node = new Capacity(16L * inFlight, 10L * inFlight, inFlight, 0);
        core = new SchedulingCore(node, SchedulerSettings.defaults());
        throughTheCore = new ThroughTheCore(core, executor, work);
    }

    int tasks() {
        return tasks.length;
    }

    int inFlight() {
        return inFlight;
    }

    Capacity node() {
        return node;
    }

    TokenWork work() {
        return work;
    }

    long decisionPasses() {
        return throughTheCore.passesRun();
    }

    /** Every task straight to the executor, at most inFlight at a time; returns the round's nanoseconds. */
    long direct() throws InterruptedException {
        Semaphore slots = new Semaphore(inFlight);
        CountDownLatch ended = new CountDownLatch(tasks.length);
        long started = System.nanoTime();
        for (int i = 0; i < tasks.length; i++) {
            slots.acquire();
            executor.execute(() -> {
                work.run();
                slots.release();
                ended.countDown();
            });
        }
        ended.await();
        return System.nanoTime() - started;
    }

    /** Every task through the core, as AgentScheduler runs them; returns the round's nanoseconds. */
    long throughCore() throws InterruptedException {
        long nanos = throughTheCore.round(tasks, inFlight);
        SchedulerStatus status = core.status(Instant.now());
        if (status.running() != 0 || status.waitingTotal() != 0 || !status.used().equals(Capacity.NONE)) {
            throw new IllegalStateException("the core did not end the round empty: " + status);
        }
        return nanos;
    }
}
