package dev.symbiont.scheduler.bench;

import dev.symbiont.sandbox.ExecutionRequest;
import dev.symbiont.sandbox.ExecutionResult;
import dev.symbiont.sandbox.SandboxOrchestrator;
import dev.symbiont.scheduler.SchedulingCore;
import dev.symbiont.scheduler.SchedulingDecision;
import dev.symbiont.scheduler.WaitingTask;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One batch of tasks driven through a {@link SchedulingCore} the way {@code AgentScheduler} drives it, minus the
 * database: every submission asks for a decision pass; one pass runs at a time on a virtual thread and picks up
 * every request made while it ran; every Start runs its task on a virtual thread of its own, which reports the
 * task started, runs it in the sandbox and reports it finished, and that asks for the next pass. What the runtime
 * adds per task and this leaves out: the claim (one transaction with SKIP LOCKED) before the start, and the start
 * and end records (two short transactions) around the sandbox run.
 */
final class EventDrivenTasks implements AutoCloseable {

    /** One task of the batch: what the core queues and what the sandbox runs. */
    record Task(int index, WaitingTask waiting, ExecutionRequest request) {
    }

    /** A batch's outcome: every task's, and how the core was asked and answered. */
    record Batch(long submittedNanos, List<TaskOutcome> outcomes, int unfinished, int decisionPasses,
                 long decisionNanos, int preemptions) {
    }

    private final SchedulingCore core;
    private final SandboxOrchestrator sandbox;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<UUID, Task> tasks = new ConcurrentHashMap<>();
    private final Map<UUID, Long> decidedNanos = new ConcurrentHashMap<>();
    private final Queue<TaskOutcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicBoolean passing = new AtomicBoolean();
    private final AtomicInteger passes = new AtomicInteger();
    private final AtomicLong decisionNanos = new AtomicLong();
    private final AtomicInteger preemptions = new AtomicInteger();
    private CountDownLatch done;

    EventDrivenTasks(SchedulingCore core, SandboxOrchestrator sandbox) {
        this.core = core;
        this.sandbox = sandbox;
    }

    /** Submits every task at once, as committed submissions arrive, and waits until all have ended or the limit. */
    Batch run(List<Task> batch, Duration limit) throws InterruptedException {
        done = new CountDownLatch(batch.size());
        batch.forEach(task -> tasks.put(task.waiting().taskId(), task));
        long submitted = System.nanoTime();
        for (Task task : batch) {
            core.submit(task.waiting());
            kick();
        }
        done.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        return new Batch(submitted, List.copyOf(outcomes), (int) done.getCount(), passes.get(), decisionNanos.get(),
                preemptions.get());
    }

    private void kick() {
        wanted.set(true);
        if (passing.compareAndSet(false, true)) {
            executor.execute(this::decide);
        }
    }

    private void decide() {
        try {
            while (wanted.getAndSet(false)) {
                long t0 = System.nanoTime();
                List<SchedulingDecision> next = core.decide(clock.instant());
                long t1 = System.nanoTime();
                passes.incrementAndGet();
                decisionNanos.addAndGet(t1 - t0);
                next.forEach(decision -> carryOut(decision, t1));
            }
        } finally {
            passing.set(false);
            if (wanted.get() && passing.compareAndSet(false, true)) {
                executor.execute(this::decide);
            }
        }
    }

    private void carryOut(SchedulingDecision decision, long decidedAt) {
        switch (decision) {
            case SchedulingDecision.Start start -> {
                UUID id = start.task().taskId();
                decidedNanos.put(id, decidedAt);
                executor.execute(() -> run(tasks.get(id)));
            }
            // all tasks share one priority, so none may be stopped for another; counted, never carried out
            case SchedulingDecision.Preempt preempt -> preemptions.incrementAndGet();
        }
    }

    /** One task, start to end, on its own virtual thread. */
    private void run(Task task) {
        UUID id = task.waiting().taskId();
        Optional<ExecutionResult> result = Optional.empty();
        Optional<String> failure = Optional.empty();
        long requested = System.nanoTime();
        try {
            core.started(id, clock.instant());
            requested = System.nanoTime();
            result = Optional.of(sandbox.run(task.request()));
        } catch (RuntimeException e) {
            failure = Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            long returned = System.nanoTime();
            core.finished(id);
            kick();
            outcomes.add(new TaskOutcome(task.index(), decidedNanos.get(id), requested, returned, result, failure));
            done.countDown();
        }
    }

    /** Waits a while for the task threads to end; those still in the sandbox after a timed-out batch are left. */
    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }
}
