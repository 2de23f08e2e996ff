package dev.symbiont.scheduler.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The host's CPU time so far, from the first line of {@code /proc/stat}: what says how busy the machine was during
 * a batch. The load average cannot: its one-minute figure still carries the previous batch for minutes.
 */
record CpuTimes(long busy, long total) {

    private static final Path STAT = Path.of("/proc/stat");

    static CpuTimes read() {
        try {
            String cpu = Files.readAllLines(STAT).getFirst();
            long[] ticks = Arrays.stream(cpu.trim().split("\\s+")).skip(1).mapToLong(Long::parseLong).toArray();
            // user nice system idle iowait irq softirq steal guest guest_nice; guest time is already in user
            long total = ticks[0] + ticks[1] + ticks[2] + ticks[3] + ticks[4] + ticks[5] + ticks[6] + ticks[7];
            long idle = ticks[3] + ticks[4];
            return new CpuTimes(total - idle, total);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The share of all cores' time that was busy since {@code earlier}, 0 to 1. */
    double busyShareSince(CpuTimes earlier) {
        long elapsed = total - earlier.total;
        return elapsed == 0 ? 0 : (double) (busy - earlier.busy) / elapsed;
    }
}
