package dev.symbiont.it.scheduler.bench;

import dev.symbiont.scheduler.DecisionPasses;
import dev.symbiont.scheduler.SchedulingCore;
import dev.symbiont.scheduler.SchedulingDecision;
import dev.symbiont.scheduler.WaitingTask;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rounds of tasks through the scheduling core, driven the way {@code AgentScheduler} drives it, minus the database
 * and the sandbox: the submitting thread (as a request thread after its commit) submits a task to the core and
 * requests a decision pass; passes run one at a time on the managed executor ({@link DecisionPasses}, the runtime's
 * own class) and hand every start to the same executor; each task reports {@code started}, does its work, reports
 * {@code finished} from its own thread and requests a pass. At most {@code inFlight} tasks are submitted and not yet
 * finished, as in the direct round.
 *
 * <p>One instance, with one {@link DecisionPasses}, serves every round, as the runtime has one for its life: a pass
 * requested by the last task of a round may still run when the next round starts, and it must count what it starts
 * in the round the task was submitted in. It does: it reads the current round after {@code decide}, and a round only
 * submits once it is current.
 */
final class ThroughTheCore {

    /** What a round waits on: a slot per task in flight, and the ends still to come. */
    private record Round(Semaphore slots, CountDownLatch ended) {
    }

    private final SchedulingCore core;
    private final Executor executor;
    private final Runnable work;
    private final DecisionPasses passes;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicLong passesRun = new AtomicLong();
    private volatile Round current;

    ThroughTheCore(SchedulingCore core, Executor executor, Runnable work) {
        this.core = core;
        this.executor = executor;
        this.work = work;
        this.passes = new DecisionPasses(executor, this::pass);
    }

    /** Runs every task once; returns the nanoseconds from the first submit to the last reported end. */
    long round(WaitingTask[] tasks, int inFlight) throws InterruptedException {
        Round round = new Round(new Semaphore(inFlight), new CountDownLatch(tasks.length));
        current = round;
        long started = System.nanoTime();
        for (WaitingTask task : tasks) {
            while (!round.slots.tryAcquire(1, TimeUnit.SECONDS)) {
                checkNoFailure();
            }
            core.submit(task);
            passes.request();
        }
        while (!round.ended.await(1, TimeUnit.SECONDS)) {
            checkNoFailure();
        }
        long nanos = System.nanoTime() - started;
        checkNoFailure();
        return nanos;
    }

    private void checkNoFailure() {
        if (failure.get() != null) {
            throw new IllegalStateException("a decision pass or a task failed", failure.get());
        }
    }

    /** Decision passes run so far: fewer than tasks when requests coalesce. */
    long passesRun() {
        return passesRun.get();
    }

    private void pass() {
        passesRun.incrementAndGet();
        try {
            var decisions = core.decide(Instant.now());
            Round round = current;
            for (SchedulingDecision decision : decisions) {
                if (!(decision instanceof SchedulingDecision.Start start)) {
                    throw new IllegalStateException("nothing here should need a preemption: " + decision);
                }
                UUID taskId = start.task().taskId();
                executor.execute(() -> runTask(taskId, round));
            }
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
        }
    }

    private void runTask(UUID taskId, Round round) {
        try {
            core.started(taskId, Instant.now());
            work.run();
            core.finished(taskId);
            round.slots.release();
            round.ended.countDown();
            passes.request();
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
        }
    }
}
