package dev.symbiont.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The machine's load average (the first field of /proc/loadavg: runnable and uninterruptible tasks over the last
 * minute), for benchmarks on a machine others use too: they wait for a quieter moment, then say what the load was.
 */
public final class MachineLoad {

    private static final Path LOADAVG = Path.of("/proc/loadavg");

    private MachineLoad() {
    }

    public static double now() {
        try {
            return Double.parseDouble(Files.readString(LOADAVG).split(" ")[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits while the load is above {@code limit}, looking every {@code poll}, for at most {@code patience}; then
     * returns the load, whether it came down or not (the caller reports it either way).
     */
    public static double awaitAtMost(double limit, Duration poll, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        double load = now();
        while (load > limit && Instant.now().isBefore(deadline)) {
            System.out.printf("# load average %.2f is above %.1f; waiting (until %s at the latest)%n", load, limit,
                    deadline);
            Thread.sleep(poll);
            load = now();
        }
        return load;
    }
}
