package dev.symbiont.scheduler;

import java.util.List;
import java.util.Objects;

/** What the wrapper is to do next, as decided by {@link SchedulingCore#decide}. */
public sealed interface SchedulingDecision {

    /**
     * Run the task now. Its allocation is already taken from the pool; the wrapper reports {@code finished} when
     * it ends, or when it could not be started after all (the claim lost a race), which gives the allocation back.
     */
    record Start(WaitingTask task, Capacity allocation) implements SchedulingDecision {
        public Start {
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(allocation, "allocation");
        }
    }

    /**
     * Stop the victims so that the beneficiary can run. Their allocations stay taken until the wrapper confirms
     * each stop with {@code preemptionDone} (or {@code finished}, if it ended by itself first); the beneficiary
     * starts in the {@code decide} after the last confirmation.
     */
    record Preempt(WaitingTask beneficiary, List<WaitingTask> victims, String reason) implements SchedulingDecision {
        public Preempt {
            Objects.requireNonNull(beneficiary, "beneficiary");
            victims = List.copyOf(victims);
            Objects.requireNonNull(reason, "reason");
            if (victims.isEmpty()) {
                throw new IllegalArgumentException("a preemption names its victims");
            }
        }
    }
}
