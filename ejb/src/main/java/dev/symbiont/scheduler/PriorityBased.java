package dev.symbiont.scheduler;

import java.time.Instant;
import java.util.Iterator;

/**
 * Priority-based: strictly in effective-priority order. Only the head may start; if it does not fit, nothing
 * starts (no backfill, so nothing overtakes it and it needs no starvation guard). Non-critical tasks may not use
 * the headroom of memory and CPU the pool keeps, so a critical task finds room without waiting for others to end
 * or to be preempted. This guarantees resources for critical agents at the cost of an emptier node.
 */
public record PriorityBased() implements PlacementStrategy {

    static final String NAME = "priority-based";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean keepsCriticalHeadroom() {
        return true;
    }

    @Override
    public WaitingTask choose(Iterator<WaitingTask> candidates, ResourcePool pool, Instant now) {
        if (!candidates.hasNext()) {
            return null;
        }
        WaitingTask head = candidates.next();
        return pool.admits(head) ? head : null;
    }
}
