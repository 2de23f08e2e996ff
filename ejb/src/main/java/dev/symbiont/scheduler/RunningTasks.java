package dev.symbiont.scheduler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The tasks running on the node, kept in preemption-victim order so that choosing victims walks only the few it
 * needs. A task chosen as a victim leaves that order at once: it is being stopped and cannot be chosen twice.
 */
final class RunningTasks {

    private final Map<UUID, RunningTask> byId = new HashMap<>();
    private final TreeSet<RunningTask> victimOrder = new TreeSet<>(RunningTask.VICTIM_ORDER);

    void add(RunningTask running) {
        if (byId.putIfAbsent(running.task().taskId(), running) != null) {
            throw new IllegalStateException("task " + running.task().taskId() + " is already running");
        }
        victimOrder.add(running);
    }

    Optional<RunningTask> get(UUID taskId) {
        return Optional.ofNullable(byId.get(taskId));
    }

    Optional<RunningTask> remove(UUID taskId) {
        RunningTask running = byId.remove(taskId);
        if (running != null) {
            victimOrder.remove(running);
        }
        return Optional.ofNullable(running);
    }

    /** Records when the sandbox really started, which is what "most recently started" means for victims. */
    void startedAt(UUID taskId, Instant actualStart) {
        RunningTask before = byId.get(taskId);
        RunningTask after = before.startedAt(actualStart);
        byId.put(taskId, after);
        if (victimOrder.remove(before)) {
            victimOrder.add(after);
        }
    }

    int size() {
        return byId.size();
    }

    /**
     * The fewest victims, taken in victim order among tasks of lower base priority than the beneficiary, whose
     * release lets it in; empty if even all of them would not (a preemption that frees too little only loses
     * work). Victims taken early that turn out not to be needed once a bigger one is in are left running.
     */
    Optional<List<RunningTask>> victimsFor(TaskPriority beneficiary, Predicate<Capacity> admitsAfterReleasing) {
        List<RunningTask> chosen = new ArrayList<>();
        Capacity freed = Capacity.NONE;
        for (RunningTask candidate : victimOrder) {
            if (!beneficiary.isAbove(candidate.priority())) {
                break;
            }
            chosen.add(candidate);
            freed = freed.plus(candidate.allocation());
            if (admitsAfterReleasing.test(freed)) {
                return Optional.of(withoutSpares(chosen, freed, admitsAfterReleasing));
            }
        }
        return Optional.empty();
    }

    private static List<RunningTask> withoutSpares(List<RunningTask> chosen, Capacity freed,
                                                   Predicate<Capacity> admitsAfterReleasing) {
        List<RunningTask> needed = new ArrayList<>(chosen);
        // the last one taken is needed by construction; any earlier one may have become spare
        for (int i = needed.size() - 2; i >= 0; i--) {
            Capacity without = freed.minus(needed.get(i).allocation());
            if (admitsAfterReleasing.test(without)) {
                freed = without;
                needed.remove(i);
            }
        }
        return needed;
    }

    /**
     * Takes victims out of the victim order; they stay running until their stop is confirmed. A task policy
     * protects from preemption stays out of it for the rest of its run.
     */
    void markBeingStopped(List<RunningTask> victims) {
        victims.forEach(victimOrder::remove);
    }

    /** Puts a task chosen as a victim but then spared back into the victim order. */
    void markPreemptible(UUID taskId) {
        RunningTask running = byId.get(taskId);
        if (running != null) {
            victimOrder.add(running);
        }
    }

    /** Whether any running task that is not already being stopped has a lower base priority. */
    boolean anyBelow(TaskPriority priority) {
        return !victimOrder.isEmpty() && priority.isAbove(victimOrder.first().priority());
    }
}
