package dev.symbiont.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How waiting raises a task's effective priority: one rank per full step waited, up to high's rank. Low and
 * normal work therefore gets to run behind a steady stream of high work, yet never reaches critical, which alone
 * may use the headroom; preemption looks at base priorities only, so an aged task never stops anyone.
 */
public record Ageing(Duration step) {

    private static final int CEILING = TaskPriority.HIGH.rank();

    public Ageing {
        Objects.requireNonNull(step, "step");
        if (step.toMillis() < 1) {
            throw new IllegalArgumentException("the ageing step must be at least a millisecond; got " + step);
        }
    }

    public int effectiveRank(WaitingTask task, Instant now) {
        int base = task.priority().rank();
        if (base >= CEILING) {
            return base;
        }
        long waitedMillis = now.toEpochMilli() - task.enqueuedAt().toEpochMilli();
        long steps = Math.max(0, waitedMillis) / step.toMillis();
        return (int) Math.min(CEILING, base + steps);
    }
}
