package dev.symbiont.scheduler.bench;

import java.util.ArrayList;
import java.util.List;

/** The measured rounds of one way of running tasks: tasks/s over all of them, and of the median round. */
final class RoundRates {

    private final List<Double> rates = new ArrayList<>();
    private long tasks;
    private long nanos;

    void add(int roundTasks, long roundNanos) {
        tasks += roundTasks;
        nanos += roundNanos;
        rates.add(roundTasks * 1e9 / roundNanos);
    }

    int rounds() {
        return rates.size();
    }

    double tasksPerSecond() {
        return tasks * 1e9 / nanos;
    }

    double medianTasksPerSecond() {
        List<Double> sorted = rates.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? Double.NaN : (sorted.get((n - 1) / 2) + sorted.get(n / 2)) / 2;
    }
}
