package dev.symbiont.audit.format;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Failures kept up to a maximum; beyond it they are only counted, so a wrecked chain cannot exhaust memory. */
final class FailureLog {

    static final int NOT_KEPT = -1;

    private final int max;
    private final List<Failure> kept = new ArrayList<>();
    private long total;

    FailureLog(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("maximum failures must not be negative: " + max);
        }
        this.max = max;
    }

    /** Records a failure; returns its index for {@link #replace}, or NOT_KEPT beyond the maximum. */
    int add(Failure.Kind kind, Long seq, UUID eventId, String message) {
        total++;
        if (kept.size() >= max) {
            return NOT_KEPT;
        }
        kept.add(new Failure(kind, seq, eventId, message));
        return kept.size() - 1;
    }

    /** Rewrites a kept failure once more is known about it (how long an unsealed run turned out to be). */
    void replace(int index, Failure failure) {
        if (index != NOT_KEPT) {
            kept.set(index, failure);
        }
    }

    boolean none() {
        return total == 0;
    }

    List<Failure> kept() {
        return kept;
    }

    boolean truncated() {
        return total > kept.size();
    }
}
