package dev.symbiont.audit.bench;

import java.util.ArrayList;
import java.util.List;

/** The measured rounds of one pipeline: events/s over all of them, and of the median round. */
final class RoundTimes {

    private final List<Double> rates = new ArrayList<>();
    private long events;
    private long nanos;

    void add(int roundEvents, long roundNanos) {
        events += roundEvents;
        nanos += roundNanos;
        rates.add(roundEvents * 1e9 / roundNanos);
    }

    int rounds() {
        return rates.size();
    }

    double eventsPerSecond() {
        return events * 1e9 / nanos;
    }

    double medianEventsPerSecond() {
        List<Double> sorted = rates.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? Double.NaN : (sorted.get((n - 1) / 2) + sorted.get(n / 2)) / 2;
    }

    double minEventsPerSecond() {
        return rates.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double maxEventsPerSecond() {
        return rates.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
