package dev.symbiont.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Thousands of random events (fixed seed) against a model of what the wrapper knows from the decisions it got:
 * the pool's used capacity always equals the running allocations plus at most what pending preemptions reserve,
 * an agent never runs two tasks, and once everything has ended or been withdrawn the pool is exactly empty.
 */
class CapacityAccountingPropertyTest {

    private static final int STEPS = 6_000;
    private static final int[] MEMORY = {128, 256, 512, 1024, 2048, 3072};
    private static final double[] CPU = {0.1, 0.25, 0.333, 0.5, 1, 1.5};

    private final Random random = new Random(20260302L);
    private final List<UUID> agents = new ArrayList<>();
    private final Map<UUID, WaitingTask> known = new HashMap<>();
    private final Map<UUID, Capacity> running = new HashMap<>();
    private final Map<UUID, UUID> runningByAgent = new HashMap<>();
    private final Set<UUID> victims = new HashSet<>();
    private final Map<UUID, Capacity> pending = new HashMap<>();
    private SchedulingCore core;
    private Instant now = Tasks.T0;
    private long sequence;
    private int starts;
    private int preemptions;
    private int stopsConfirmed;

    @ParameterizedTest
    @ValueSource(strings = {"first-fit", "best-fit", "priority-based"})
    void accountingStaysExactThroughRandomEvents(String strategy) {
        core = new SchedulingCore(Tasks.NODE,
                new SchedulerSettings(strategy, Duration.ofSeconds(30), 0.2, Duration.ofMinutes(2), 8));
        for (int i = 0; i < 25; i++) {
            agents.add(UUID.randomUUID());
        }
        for (int step = 0; step < STEPS; step++) {
            int dice = random.nextInt(100);
            if (dice < 35) {
                submit();
            } else if (dice < 60) {
                decide();
            } else if (dice < 78) {
                pick(running.keySet()).ifPresent(this::finish);
            } else if (dice < 88) {
                pick(victims).ifPresent(this::preemptionDone);
            } else {
                pick(known.keySet()).ifPresent(this::cancel);
            }
            now = now.plusMillis(random.nextInt(5_000));
            checkAccounting();
        }
        // the walk is only worth something if it went through every path
        assertThat(starts).isGreaterThan(500);
        assertThat(preemptions).isGreaterThan(20);
        assertThat(stopsConfirmed).isGreaterThan(10);
        drain();

        SchedulerStatus status = core.status(now);
        assertThat(status.used()).isEqualTo(Capacity.NONE);
        assertThat(status.running()).isZero();
        assertThat(status.waitingTotal()).isZero();
        assertThat(status.preemptionsPending()).isZero();
        assertThat(status.activeAgents()).isZero();
    }

    private void submit() {
        TaskPriority priority = TaskPriority.values()[random.nextInt(4)];
        int memory = random.nextInt(50) == 0 ? 5000 : MEMORY[random.nextInt(MEMORY.length)];
        ResourceRequest request = Tasks.request(memory, CPU[random.nextInt(CPU.length)]);
        WaitingTask task = new WaitingTask(UUID.randomUUID(), agents.get(random.nextInt(agents.size())), priority,
                request, now, ++sequence);
        if (memory > Tasks.NODE.memoryMb()) {
            assertThatThrownBy(() -> core.submit(task)).isInstanceOf(UnschedulableTaskException.class);
            return;
        }
        try {
            core.submit(task);
            known.put(task.taskId(), task);
        } catch (UnschedulableTaskException tooLargeForItsShare) {
            assertThat(core.status(now).strategy()).isEqualTo("priority-based");
            assertThat(priority).isNotEqualTo(TaskPriority.CRITICAL);
        }
    }

    private void decide() {
        for (SchedulingDecision decision : core.decide(now)) {
            switch (decision) {
                case SchedulingDecision.Start start -> {
                    WaitingTask task = start.task();
                    assertThat(known).containsKey(task.taskId());
                    assertThat(start.allocation()).isEqualTo(Capacity.of(task.request(), Tasks.NODE));
                    assertThat(runningByAgent.put(task.agentId(), task.taskId())).as("agent runs two tasks").isNull();
                    running.put(task.taskId(), start.allocation());
                    starts++;
                    pending.remove(task.taskId());
                }
                case SchedulingDecision.Preempt preempt -> {
                    for (WaitingTask victim : preempt.victims()) {
                        assertThat(running).containsKey(victim.taskId());
                        assertThat(preempt.beneficiary().priority().isAbove(victim.priority())).isTrue();
                        assertThat(victims.add(victim.taskId())).as("stopped twice").isTrue();
                    }
                    preemptions++;
                    assertThat(pending.put(preempt.beneficiary().taskId(),
                            Capacity.of(preempt.beneficiary().request()))).isNull();
                }
            }
        }
    }

    private void finish(UUID taskId) {
        assertThat(core.finished(taskId)).isTrue();
        ended(taskId);
        known.remove(taskId);
    }

    private void preemptionDone(UUID taskId) {
        assertThat(core.preemptionDone(taskId)).isTrue();
        stopsConfirmed++;
        ended(taskId);
    }

    private void ended(UUID taskId) {
        running.remove(taskId);
        victims.remove(taskId);
        runningByAgent.remove(known.get(taskId).agentId());
    }

    private void cancel(UUID taskId) {
        Cancellation outcome = core.cancel(taskId);
        if (running.containsKey(taskId)) {
            assertThat(outcome).isEqualTo(Cancellation.RUNNING);
            return;
        }
        assertThat(outcome).isEqualTo(Cancellation.WITHDRAWN);
        pending.remove(taskId);
        known.remove(taskId);
    }

    private void checkAccounting() {
        SchedulerStatus status = core.status(now);
        Capacity runningSum = running.values().stream().reduce(Capacity.NONE, Capacity::plus);
        Capacity pendingSum = pending.values().stream().reduce(Capacity.NONE, Capacity::plus);
        assertThat(status.used().fitsWithin(status.total())).isTrue();
        assertThat(runningSum.fitsWithin(status.used())).isTrue();
        assertThat(status.used().fitsWithin(runningSum.plus(pendingSum))).isTrue();
        if (pending.isEmpty()) {
            assertThat(status.used()).isEqualTo(runningSum);
        }
        assertThat(status.running()).isEqualTo(running.size());
        assertThat(status.preemptionsPending()).isEqualTo(pending.size());
        assertThat(status.waitingTotal()).isEqualTo(known.size() - running.size() - pending.size());
    }

    private void drain() {
        new ArrayList<>(known.keySet()).stream().filter(id -> !running.containsKey(id)).forEach(this::cancel);
        while (!running.isEmpty()) {
            new ArrayList<>(running.keySet()).forEach(this::finish);
            decide();
            new ArrayList<>(known.keySet()).stream().filter(id -> !running.containsKey(id)).forEach(this::cancel);
            checkAccounting();
        }
    }

    private <T> Optional<T> pick(Set<T> from) {
        if (from.isEmpty()) {
            return Optional.empty();
        }
        return from.stream().skip(random.nextInt(from.size())).findFirst();
    }
}
