package dev.symbiont.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;

/**
 * Which eligible task gets the node's free capacity next, the seed's three allocation strategies. On one node
 * they differ in the task they pick, not in where it goes. Candidates come best first (effective priority, then
 * oldest); a strategy looks at no more than its lookahead of them, so a decision costs the same with a hundred
 * waiting tasks or a hundred thousand.
 */
public sealed interface PlacementStrategy permits FirstFit, BestFit, PriorityBased {

    /** The configuration name: first-fit, best-fit or priority-based. */
    String name();

    /** Whether the pool keeps part of memory and CPU for critical tasks under this strategy. */
    boolean keepsCriticalHeadroom();

    /** The task to start next, or null if none should start now; {@code candidates} come best first. */
    WaitingTask choose(Iterator<WaitingTask> candidates, ResourcePool pool, Instant now);

    /**
     * @param lookahead     how many candidates first fit and best fit look at, head included
     * @param backfillLimit how long the head may wait before first fit and best fit stop starting tasks behind it
     * @throws IllegalArgumentException for an unknown name
     */
    static PlacementStrategy named(String name, int lookahead, Duration backfillLimit) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case FirstFit.NAME -> new FirstFit(lookahead, backfillLimit);
            case BestFit.NAME -> new BestFit(lookahead, backfillLimit);
            case PriorityBased.NAME -> new PriorityBased();
            default -> throw new IllegalArgumentException("placement strategy must be one of " + FirstFit.NAME
                    + ", " + BestFit.NAME + ", " + PriorityBased.NAME + "; got '" + name + "'");
        };
    }
}
