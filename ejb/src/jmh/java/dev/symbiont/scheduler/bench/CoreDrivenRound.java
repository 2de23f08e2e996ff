package dev.symbiont.scheduler.bench;

import dev.symbiont.scheduler.SchedulingCore;
import dev.symbiont.scheduler.SchedulingDecision;
import dev.symbiont.scheduler.WaitingTask;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Tasks run the way the wrapper will run them: submitted to the core, started on the executor when a decision says
 * so, reported finished when they end. One driver thread calls {@code decide} whenever something changed (a submit
 * or an end) and hands each start to the executor; it parks when nothing did, as a wrapper woken by events would.
 * At most {@code inFlight} tasks are submitted and not yet reported finished, as in the direct round.
 *
 * <p>Two ways to report an end: each task calls {@code finished} from its own thread (they all contend for the
 * core's lock), or it queues its id and the driver reports the ends it finds before each {@code decide} (one
 * writer for ends and decisions; only submits still come from another thread).
 */
final class CoreDrivenRound {

    private final SchedulingCore core;
    private final ExecutorService executor;
    private final Runnable work;
    private final boolean endsThroughDriver;
    private final Queue<UUID> ends = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean changed = new AtomicBoolean();
    private final AtomicReference<Throwable> driverFailure = new AtomicReference<>();
    private volatile boolean roundOver;

    CoreDrivenRound(SchedulingCore core, ExecutorService executor, Runnable work, boolean endsThroughDriver) {
        this.core = core;
        this.executor = executor;
        this.work = work;
        this.endsThroughDriver = endsThroughDriver;
    }

    /** Runs every task once; returns the nanoseconds from the first submit to the last reported end. */
    long run(WaitingTask[] tasks, int inFlight) throws InterruptedException {
        Semaphore slots = new Semaphore(inFlight);
        CountDownLatch ended = new CountDownLatch(tasks.length);
        roundOver = false;
        long started = System.nanoTime();
        Thread driver = Thread.ofPlatform().name("scheduler-driver").start(() -> drive(slots, ended));
        for (WaitingTask task : tasks) {
            while (!slots.tryAcquire(1, TimeUnit.SECONDS)) {
                checkDriver();
            }
            core.submit(task);
            wake(driver);
        }
        while (!ended.await(1, TimeUnit.SECONDS)) {
            checkDriver();
        }
        long nanos = System.nanoTime() - started;
        roundOver = true;
        LockSupport.unpark(driver);
        driver.join();
        return nanos;
    }

    private void checkDriver() {
        if (driverFailure.get() != null) {
            throw new IllegalStateException("the driver failed", driverFailure.get());
        }
    }

    private void wake(Thread driver) {
        if (!changed.getAndSet(true)) {
            LockSupport.unpark(driver);
        }
    }

    private void drive(Semaphore slots, CountDownLatch ended) {
        try {
            Thread driver = Thread.currentThread();
            while (!roundOver) {
                if (!changed.getAndSet(false)) {
                    LockSupport.park(this);
                    continue;
                }
                for (UUID end; (end = ends.poll()) != null; ) {
                    reportEnd(end, slots, ended);
                }
                List<SchedulingDecision> decisions = core.decide(Instant.now());
                for (SchedulingDecision decision : decisions) {
                    if (!(decision instanceof SchedulingDecision.Start start)) {
                        throw new IllegalStateException("nothing here should need a preemption: " + decision);
                    }
                    UUID taskId = start.task().taskId();
                    executor.execute(() -> {
                        work.run();
                        if (endsThroughDriver) {
                            ends.add(taskId);
                        } else {
                            reportEnd(taskId, slots, ended);
                        }
                        wake(driver);
                    });
                }
            }
        } catch (Throwable failure) {
            driverFailure.set(failure);
        }
    }

    private void reportEnd(UUID taskId, Semaphore slots, CountDownLatch ended) {
        core.finished(taskId);
        slots.release();
        ended.countDown();
    }
}
