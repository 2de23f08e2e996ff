package dev.symbiont.scheduler.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * What one batch shows, in milliseconds from the submission of its tasks.
 *
 * <p>Concurrency is counted from the tasks' own output: each writes {@code up} before it sleeps, so from its first
 * output it is certainly running for at least the sleep's length; the peak is the most such windows open at once
 * (a lower bound of the tasks truly running together). The host count, where there is one, is independent of it.
 *
 * @param firstOutputs   submission to first output, per task that wrote any, ascending
 * @param peakConcurrent the most tasks known running at the same moment, by their output
 * @param hostPeak       the most task processes the host's process table showed at once (runc only)
 * @param makespan       submission to the last task's end (its container removed); the whole batch's time
 * @param failures       distinct reasons (ids blanked) and how many tasks failed for each
 */
record BatchFigures(int tasks, int succeeded, int warm, int unfinished, List<Double> firstOutputs,
                    List<Double> startups, double lastStartDecision, int decisionPasses, double decisionMillis,
                    int peakConcurrent, OptionalInt hostPeak, double makespan, Duration sleep,
                    Map<String, Long> failures, Load load) {

    /**
     * How busy the host was around a batch.
     *
     * @param busyBefore share of the host's cores busy in the second before the submission
     * @param busyDuring share of the host's cores busy from the submission to the last task's end
     */
    record Load(double busyBefore, double busyDuring, String averageBefore, String averageAfter) {
    }

    static BatchFigures of(EventDrivenTasks.Batch batch, int tasks, Duration sleep, String expectedStdout,
                           OptionalInt hostPeak, Load load) {
        long t0 = batch.submittedNanos();
        List<TaskOutcome> outcomes = batch.outcomes();
        List<Long> firstOutput = outcomes.stream().map(TaskOutcome::firstOutputNanos).filter(OptionalLong::isPresent)
                .map(OptionalLong::getAsLong).sorted().toList();
        Map<String, Long> failures = outcomes.stream().flatMap(o -> o.problem(expectedStdout).stream())
                .map(BatchFigures::withoutIds)
                .collect(Collectors.groupingBy(reason -> reason, LinkedHashMap::new, Collectors.counting()));
        if (batch.unfinished() > 0) {
            failures.put("no result within the batch's time limit", (long) batch.unfinished());
        }
        if (batch.preemptions() > 0) {
            failures.put("unexpected preemption decisions (not carried out)", (long) batch.preemptions());
        }
        int succeeded = (int) outcomes.stream().filter(o -> o.problem(expectedStdout).isEmpty()).count();
        int warm = (int) outcomes.stream().filter(o -> o.result().map(r -> r.warm()).orElse(false)).count();
        List<Double> startups = outcomes.stream().flatMap(o -> o.result().stream())
                .map(r -> r.startup().toNanos() / 1e6).sorted().toList();
        double lastDecision = outcomes.stream().mapToLong(TaskOutcome::decidedNanos).max().orElse(t0) - t0;
        // with tasks unfinished the batch has no end to measure
        double makespan = batch.unfinished() > 0 ? Double.NaN
                : outcomes.stream().mapToLong(TaskOutcome::returnedNanos).max().orElse(t0) - t0;
        return new BatchFigures(tasks, succeeded, warm, batch.unfinished(),
                firstOutput.stream().map(t -> (t - t0) / 1e6).toList(), startups, lastDecision / 1e6,
                batch.decisionPasses(), batch.decisionNanos() / 1e6, peakOverlap(firstOutput, sleep.toNanos()),
                hostPeak, makespan / 1e6, sleep, failures, load);
    }

    /** The most windows [start, start + length) open at once; starts ascending. */
    static int peakOverlap(List<Long> starts, long length) {
        int peak = 0;
        int first = 0;
        for (int i = 0; i < starts.size(); i++) {
            while (starts.get(first) + length <= starts.get(i)) {
                first++;
            }
            peak = Math.max(peak, i - first + 1);
        }
        return peak;
    }

    /** Submission to the last task's first output, when every task wrote one. */
    OptionalLong allFirstOutputs() {
        return firstOutputs.size() == tasks ? OptionalLong.of(Math.round(firstOutputs.getLast()))
                : OptionalLong.empty();
    }

    int failed() {
        return failures.values().stream().mapToInt(Long::intValue).sum();
    }

    String table(String title) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, """
                [sandboxed tasks] %s
                  tasks %d: %d ran as meant, %d failed, %d warm, %d unfinished
                  peak concurrent %d by output (running for sure), %s by the host's process table
                  submission -> Start decisions: last at %.1f ms, %d decision passes, %.1f ms deciding in all
                  submission -> first output: %s; p50 %.0f ms, p99 %.0f ms, max %.0f ms
                  request -> the engine's start returned: p50 %.0f ms, p99 %.0f ms
                  makespan %s
                  host cores busy %.0f%% the second before, %.0f%% during; load average before %s | after %s
                """, title, tasks, succeeded, failed(), warm, unfinished, peakConcurrent,
                hostPeak.isPresent() ? Integer.toString(hostPeak.getAsInt()) : "n/a",
                lastStartDecision, decisionPasses, decisionMillis,
                allFirstOutputs().isPresent() ? "the " + ordinal(tasks) + " at " + allFirstOutputs().getAsLong()
                        + " ms" : "only " + firstOutputs.size() + " of " + tasks + " wrote any",
                percentile(firstOutputs, 50), percentile(firstOutputs, 99), percentile(firstOutputs, 100),
                percentile(startups, 50), percentile(startups, 99),
                Double.isNaN(makespan) ? "not reached: " + unfinished + " tasks had no result"
                        : String.format(Locale.ROOT, "%.0f ms against an ideal of %d ms (sleep): %.2fx", makespan,
                        sleep.toMillis(), makespan / sleep.toMillis()), 100 * load.busyBefore(),
                100 * load.busyDuring(), load.averageBefore(), load.averageAfter()));
        failures.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(f -> out.append(String.format("  failed x%d: %s%n", f.getValue(), f.getKey())));
        return out.toString();
    }

    /** Medians over the measured batches, with their range. */
    static String summary(String title, List<BatchFigures> batches) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("[sandboxed tasks] %s: median of %d measured batches [min - max]", title,
                batches.size()));
        lines.add(line("peak concurrent (output)", batches, b -> (double) b.peakConcurrent, "%.0f"));
        lines.add(line("peak concurrent (host)", batches,
                b -> b.hostPeak.isPresent() ? b.hostPeak.getAsInt() : Double.NaN, "%.0f"));
        lines.add(line("last first output ms", batches,
                b -> b.allFirstOutputs().isPresent() ? b.allFirstOutputs().getAsLong() : Double.NaN, "%.0f"));
        lines.add(line("first output p50 ms", batches, b -> percentile(b.firstOutputs, 50), "%.0f"));
        lines.add(line("first output p99 ms", batches, b -> percentile(b.firstOutputs, 99), "%.0f"));
        lines.add(line("makespan ms", batches, b -> b.makespan, "%.0f"));
        lines.add(line("makespan / ideal", batches, b -> b.makespan / b.sleep.toMillis(), "%.2f"));
        lines.add(line("failed tasks", batches, b -> (double) b.failed(), "%.0f"));
        lines.add(line("cores busy during, %", batches, b -> 100 * b.load.busyDuring(), "%.0f"));
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    private static String line(String name, List<BatchFigures> batches,
                               java.util.function.ToDoubleFunction<BatchFigures> figure, String format) {
        List<Double> values = batches.stream().map(figure::applyAsDouble).filter(v -> !Double.isNaN(v))
                .sorted(Comparator.naturalOrder()).toList();
        int n = values.size();
        if (n == 0) {
            return String.format(Locale.ROOT, "  %-26s n/a", name);
        }
        double median = (values.get((n - 1) / 2) + values.get(n / 2)) / 2;
        String of = n < batches.size() ? "  (" + n + " batches had one)" : "";
        return String.format(Locale.ROOT, "  %-26s " + format + "  [" + format + " - " + format + "]%s", name, median,
                values.getFirst(), values.getLast(), of);
    }

    /** Nearest rank over ascending values; NaN for none. */
    static double percentile(List<Double> ascending, int p) {
        if (ascending.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * ascending.size()) - 1;
        return ascending.get(Math.max(0, Math.min(index, ascending.size() - 1)));
    }

    private static String ordinal(int n) {
        return n + (n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        });
    }

    /** Execution and container ids make every failure message distinct; blanked, equal reasons group. */
    private static String withoutIds(String reason) {
        return reason.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
                .replaceAll("[0-9a-f]{64}", "<container>");
    }
}
