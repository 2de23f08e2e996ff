package dev.symbiont.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;

/**
 * Best fit: among the first {@code lookahead} candidates in effective-priority order, the one that fits and
 * leaves the least free capacity in its dominant resource (the dimension of which it takes the largest share of
 * the node), as a share of the node. Measuring in each task's own dominant resource keeps a dimension that
 * every task barely uses (often disk or CPU) from making all candidates look alike. It packs the node tighter
 * than first fit, so big tasks find room more often; ties go to the earlier candidate. The head may be passed over only until it has waited {@code backfillLimit}; after that
 * it starts as soon as it fits and nothing starts before it.
 */
public record BestFit(int lookahead, Duration backfillLimit) implements PlacementStrategy {

    static final String NAME = "best-fit";

    public BestFit {
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
        if (!Backfill.mayPassOver(head, backfillLimit, now)) {
            return pool.admits(head) ? head : null;
        }
        WaitingTask best = null;
        double leastLeft = Double.POSITIVE_INFINITY;
        WaitingTask candidate = head;
        for (int seen = 1; ; seen++) {
            Capacity demand = pool.demandOf(candidate.request());
            if (pool.admits(candidate.priority(), demand)) {
                double left = leftInDominant(demand, pool.free(), pool.total());
                if (left < leastLeft) {
                    best = candidate;
                    leastLeft = left;
                }
            }
            if (seen >= lookahead || !candidates.hasNext()) {
                return best;
            }
            candidate = candidates.next();
        }
    }

    /** What stays free of the node, as a share of it, in the dimension the demand takes most of. */
    private static double leftInDominant(Capacity demand, Capacity free, Capacity node) {
        double dominant = -1;
        double left = 0;
        long[] wanted = {demand.memoryMb(), demand.cpuMillicores(), demand.diskIoMbps(), demand.networkIoMbps()};
        long[] available = {free.memoryMb(), free.cpuMillicores(), free.diskIoMbps(), free.networkIoMbps()};
        long[] whole = {node.memoryMb(), node.cpuMillicores(), node.diskIoMbps(), node.networkIoMbps()};
        for (int d = 0; d < wanted.length; d++) {
            if (whole[d] > 0 && (double) wanted[d] / whole[d] > dominant) {
                dominant = (double) wanted[d] / whole[d];
                left = (double) (available[d] - wanted[d]) / whole[d];
            }
        }
        return left;
    }
}
