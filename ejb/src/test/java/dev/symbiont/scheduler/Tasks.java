package dev.symbiont.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Waiting tasks for the tests, queued in order: each gets the next sequence number and, unless the test moves
 * it, the same enqueue instant. Requests are memory plus half a core, on nodes of 4096 MB and 4 cores.
 */
final class Tasks {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final Capacity NODE = Capacity.ofNode(4096, 4, 0, 0);
    static final Duration AGEING_STEP = Duration.ofMinutes(1);
    static final Duration BACKFILL_LIMIT = Duration.ofMinutes(5);

    private long sequence;
    private Instant clock = T0;

    static SchedulingCore core(String strategy) {
        return new SchedulingCore(NODE, new SchedulerSettings(strategy, AGEING_STEP, 0.2, BACKFILL_LIMIT, 32));
    }

    /** Tasks queued from now on are enqueued at this instant. */
    Tasks at(Instant enqueuedAt) {
        clock = enqueuedAt;
        return this;
    }

    WaitingTask task(TaskPriority priority, int memoryMb) {
        return forAgent(UUID.randomUUID(), priority, memoryMb);
    }

    WaitingTask task(TaskPriority priority, int memoryMb, double cpuCores) {
        return new WaitingTask(UUID.randomUUID(), UUID.randomUUID(), priority, request(memoryMb, cpuCores), clock,
                ++sequence);
    }

    WaitingTask forAgent(UUID agent, TaskPriority priority, int memoryMb) {
        return new WaitingTask(UUID.randomUUID(), agent, priority, request(memoryMb, 0.5), clock, ++sequence);
    }

    static ResourceRequest request(int memoryMb, double cpuCores) {
        return new ResourceRequest(memoryMb, cpuCores, 1, 0, Duration.ofMinutes(10));
    }

    /** Submits a task enqueued at {@code at} and starts it then, on a node that has room for it. */
    WaitingTask running(SchedulingCore core, TaskPriority priority, int memoryMb, Instant at) {
        WaitingTask task = submitted(core, at(at).task(priority, memoryMb));
        if (!started(core.decide(at)).equals(List.of(task))) {
            throw new IllegalStateException("task " + task.taskId() + " did not start alone at " + at);
        }
        return task;
    }

    static WaitingTask submitted(SchedulingCore core, WaitingTask task) {
        core.submit(task);
        return task;
    }

    static List<WaitingTask> started(List<SchedulingDecision> decisions) {
        return decisions.stream().filter(SchedulingDecision.Start.class::isInstance)
                .map(decision -> ((SchedulingDecision.Start) decision).task()).toList();
    }

    static List<SchedulingDecision.Preempt> preemptions(List<SchedulingDecision> decisions) {
        return decisions.stream().filter(SchedulingDecision.Preempt.class::isInstance)
                .map(SchedulingDecision.Preempt.class::cast).toList();
    }
}
