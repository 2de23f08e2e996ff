package dev.symbiont.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Submitters, cancellers, two deciders and finishers call the core from their own threads at once, as the wrapper's
 * request threads and executors will. What the decisions say must hold at every moment (one running task per
 * agent, never more allocated than the node has, no task started after it was withdrawn), and in the end every
 * task has either finished once or been withdrawn, with nothing left allocated.
 */
class ConcurrentSchedulingTest {

    private static final int SUBMITTERS = 4;
    private static final int TASKS_PER_SUBMITTER = 3_000;
    private static final int AGENTS = 300;

    private final SchedulingCore core = new SchedulingCore(Tasks.NODE,
            new SchedulerSettings("first-fit", Duration.ofMillis(50), 0.2, Duration.ofSeconds(1), 16));
    private final Instant epoch = Instant.now();
    private final long epochNanos = System.nanoTime();
    private final List<UUID> agents = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Queue<UUID> submitted = new ConcurrentLinkedQueue<>();
    private final Map<UUID, WaitingTask> inFlight = new ConcurrentHashMap<>();
    private final Queue<UUID> toFinish = new ConcurrentLinkedQueue<>();
    private final Map<UUID, UUID> runningByAgent = new ConcurrentHashMap<>();
    private final AtomicLong memoryInFlight = new AtomicLong();
    private final Set<UUID> withdrawn = ConcurrentHashMap.newKeySet();
    private final Queue<String> violations = new ConcurrentLinkedQueue<>();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicInteger preemptions = new AtomicInteger();
    private final AtomicBoolean submitting = new AtomicBoolean(true);

    @Test
    void invariantsHoldWhileManyThreadsDriveTheCoreAndEverythingEndsAccountedFor() throws Exception {
        for (int i = 0; i < AGENTS; i++) {
            agents.add(UUID.randomUUID());
        }
        List<Thread> workers = new ArrayList<>();
        List<Thread> submitters = new ArrayList<>();
        for (int i = 0; i < SUBMITTERS; i++) {
            submitters.add(Thread.ofPlatform().start(this::submit));
        }
        workers.add(Thread.ofPlatform().start(this::cancelSome));
        workers.add(Thread.ofPlatform().start(this::decide));
        workers.add(Thread.ofPlatform().start(this::decide));
        workers.add(Thread.ofVirtual().start(this::finish));
        workers.add(Thread.ofVirtual().start(this::finish));
        for (Thread submitter : submitters) {
            submitter.join();
        }
        submitting.set(false);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!drained() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        workers.forEach(Thread::interrupt);
        for (Thread worker : workers) {
            worker.join();
        }

        assertThat(violations).isEmpty();
        assertThat(drained()).as("everything ended within a minute").isTrue();
        assertThat(finished.get() + withdrawn.size()).isEqualTo(SUBMITTERS * TASKS_PER_SUBMITTER);
        assertThat(preemptions.get()).as("critical tasks preempted others").isPositive();
        SchedulerStatus status = core.status(now());
        assertThat(status.used()).isEqualTo(Capacity.NONE);
        assertThat(status.activeAgents()).isZero();
    }

    private boolean drained() {
        SchedulerStatus status = core.status(now());
        return status.waitingTotal() == 0 && status.running() == 0 && status.preemptionsPending() == 0;
    }

    private Instant now() {
        return epoch.plusNanos(System.nanoTime() - epochNanos);
    }

    private void submit() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < TASKS_PER_SUBMITTER; i++) {
            TaskPriority priority = TaskPriority.values()[random.nextInt(4)];
            WaitingTask task = new WaitingTask(UUID.randomUUID(), agents.get(random.nextInt(AGENTS)), priority,
                    Tasks.request(128 * (1 + random.nextInt(12)), 0.1 + random.nextInt(10) / 10.0), now(),
                    sequence.incrementAndGet());
            core.submit(task);
            submitted.add(task.taskId());
            if (i % 64 == 0) {
                Thread.yield();
            }
        }
    }

    private void cancelSome() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (!Thread.currentThread().isInterrupted()) {
            UUID candidate = submitted.poll();
            if (candidate == null) {
                LockSupport.parkNanos(100_000);
            } else if (random.nextInt(20) == 0 && core.cancel(candidate) == Cancellation.WITHDRAWN) {
                withdrawn.add(candidate);
            }
        }
    }

    private void decide() {
        while (!Thread.currentThread().isInterrupted()) {
            List<SchedulingDecision> decisions = core.decide(now());
            for (SchedulingDecision decision : decisions) {
                switch (decision) {
                    case SchedulingDecision.Start start -> started(start);
                    case SchedulingDecision.Preempt preempt -> {
                        preemptions.incrementAndGet();
                        preempt.victims().forEach(this::stop);
                    }
                }
            }
            if (decisions.isEmpty()) {
                LockSupport.parkNanos(50_000);
            }
        }
    }

    private void started(SchedulingDecision.Start start) {
        WaitingTask task = start.task();
        if (withdrawn.contains(task.taskId())) {
            violations.add("withdrawn task started: " + task.taskId());
        }
        UUID other = runningByAgent.putIfAbsent(task.agentId(), task.taskId());
        if (other != null) {
            violations.add("agent " + task.agentId() + " runs " + other + " and " + task.taskId());
        }
        long memory = memoryInFlight.addAndGet(start.allocation().memoryMb());
        if (memory > Tasks.NODE.memoryMb()) {
            violations.add("allocated " + memory + " MB of " + Tasks.NODE.memoryMb());
        }
        inFlight.put(task.taskId(), task);
        toFinish.add(task.taskId());
    }

    /** Whoever takes the task out of flight first reports it: the stop, or its end. */
    private boolean leaveFlight(UUID taskId) {
        WaitingTask task = inFlight.remove(taskId);
        if (task == null) {
            return false;
        }
        runningByAgent.remove(task.agentId(), taskId);
        memoryInFlight.addAndGet(-Capacity.of(task.request()).memoryMb());
        return true;
    }

    private void stop(WaitingTask victim) {
        if (leaveFlight(victim.taskId()) && !core.preemptionDone(victim.taskId())) {
            violations.add("stop of a running victim not taken: " + victim.taskId());
        }
    }

    private void finish() {
        while (!Thread.currentThread().isInterrupted()) {
            UUID taskId = toFinish.poll();
            if (taskId == null) {
                LockSupport.parkNanos(50_000);
            } else if (leaveFlight(taskId)) {
                if (core.finished(taskId)) {
                    finished.incrementAndGet();
                } else {
                    violations.add("end of a running task not taken: " + taskId);
                }
            }
        }
    }
}
