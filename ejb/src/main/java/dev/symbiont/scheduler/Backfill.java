package dev.symbiont.scheduler;

import java.time.Duration;
import java.time.Instant;

/** The bounds first fit and best fit share when they start a task other than the head. */
final class Backfill {

    private Backfill() {
    }

    /** Backfilling stops once the head has waited this long, so a big task is not passed over for ever. */
    static boolean mayPassOver(WaitingTask head, Duration backfillLimit, Instant now) {
        return head.waitedAt(now).compareTo(backfillLimit) <= 0;
    }

    static void check(int lookahead, Duration backfillLimit) {
        if (lookahead < 1) {
            throw new IllegalArgumentException("the lookahead must be at least 1; got " + lookahead);
        }
        if (backfillLimit.isNegative()) {
            throw new IllegalArgumentException("the backfill limit cannot be negative; got " + backfillLimit);
        }
    }
}
