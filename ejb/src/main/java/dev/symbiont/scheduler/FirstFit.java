package dev.symbiont.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;

/**
 * First fit: the first candidate, in effective-priority order, that fits the free capacity. When the head does
 * not fit, a smaller task behind it starts instead (backfilling), which keeps the node busy at the lowest cost per
 * decision. Only the first {@code lookahead} candidates are looked at, and once the head has waited longer than
 * {@code backfillLimit} nothing starts past it: the node then drains until the head fits.
 */
public record FirstFit(int lookahead, Duration backfillLimit) implements PlacementStrategy {

    static final String NAME = "first-fit";

    public FirstFit {
        Objects.requireNonNull(backfillLimit, "backfillLimit");
        Backfill.check(lookahead, backfillLimit);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean keepsCriticalHeadroom() {
        return false;
    }

    @Override
    public WaitingTask choose(Iterator<WaitingTask> candidates, ResourcePool pool, Instant now) {
        if (!candidates.hasNext()) {
            return null;
        }
        WaitingTask head = candidates.next();
        if (pool.admits(head)) {
            return head;
        }
        if (!Backfill.mayPassOver(head, backfillLimit, now)) {
            return null;
        }
        for (int seen = 1; seen < lookahead && candidates.hasNext(); seen++) {
            WaitingTask candidate = candidates.next();
            if (pool.admits(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
