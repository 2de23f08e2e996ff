package dev.symbiont.compliance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Events per clock hour, to find the busiest. Keyed by hour rather than tracking only the current one because
 * commit order (seq) and event time can disagree slightly; memory grows with the period's hours, not its events.
 */
final class HourlyCounter {

    private final Map<Instant, Long> byHour = new HashMap<>();

    void count(Instant at) {
        byHour.merge(at.truncatedTo(ChronoUnit.HOURS), 1L, Long::sum);
    }

    /** The busiest hour; of equally busy hours, the earliest. */
    HourlyPeak peak() {
        HourlyPeak peak = HourlyPeak.NONE;
        for (Map.Entry<Instant, Long> hour : byHour.entrySet()) {
            if (hour.getValue() > peak.count()
                    || hour.getValue() == peak.count() && hour.getKey().isBefore(peak.hourStart())) {
                peak = new HourlyPeak(hour.getKey(), hour.getValue());
            }
        }
        return peak;
    }
}
