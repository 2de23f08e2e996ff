package dev.symbiont.scheduler;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A task waiting for its victims to be stopped. It has left the queues, so it cannot cause a second preemption,
 * and it holds a reservation in the pool under its own id: at first the part of its demand the victims do not
 * cover, then each victim's allocation as its stop is confirmed. Once no victim is outstanding the reservation
 * covers the whole demand and the task starts.
 */
final class PendingPreemption {

    private final WaitingTask beneficiary;
    private final Capacity demand;
    private final Set<UUID> outstanding = new HashSet<>();
    private boolean withdrawn;

    PendingPreemption(WaitingTask beneficiary, Capacity demand, List<RunningTask> victims) {
        this.beneficiary = beneficiary;
        this.demand = demand;
        victims.forEach(victim -> outstanding.add(victim.task().taskId()));
    }

    WaitingTask beneficiary() {
        return beneficiary;
    }

    Capacity demand() {
        return demand;
    }

    /** Whether the victim's capacity goes to the beneficiary (false once the beneficiary was cancelled). */
    boolean victimStopped(UUID victimId) {
        outstanding.remove(victimId);
        return !withdrawn;
    }

    /** The victims not stopped yet. */
    Set<UUID> outstanding() {
        return Set.copyOf(outstanding);
    }

    boolean isReady() {
        return !withdrawn && outstanding.isEmpty();
    }

    void withdraw() {
        withdrawn = true;
    }
}
