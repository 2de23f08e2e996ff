package dev.symbiont.compliance;

import java.time.Instant;
import java.util.Objects;

/**
 * The time a report covers: {@code from} inclusive, {@code to} exclusive, so consecutive periods (one per month,
 * say) share no event and miss none.
 */
public record ReportPeriod(Instant from, Instant to) {

    public ReportPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the period must start before it ends: " + from + " .. " + to);
        }
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }
}
