package dev.symbiont.scheduler.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Counts, every few hundred milliseconds, the host processes whose command line carries a marker, and keeps the
 * peak: the tasks' shells under runc, whose processes the host sees. A check of the output-based count that does
 * not depend on the tasks' timestamps. gVisor's processes live in its own kernel, invisible here.
 *
 * <p>A sample reads the command line of every process (about a thousand with 200 tasks), a few milliseconds of CPU;
 * at four samples a second that is well under 1% of a core.
 */
final class HostProcessCount implements AutoCloseable {

    private static final Path PROC = Path.of("/proc");

    private final byte[] marker;
    private final Duration interval;
    private final Thread sampler;
    private volatile boolean stopped;
    private volatile int peak;

    private HostProcessCount(String marker, Duration interval) {
        this.marker = marker.getBytes(StandardCharsets.UTF_8);
        this.interval = interval;
        this.sampler = Thread.ofPlatform().daemon().name("host-process-count").unstarted(this::sample);
    }

    static HostProcessCount start(String marker, Duration interval) {
        HostProcessCount count = new HostProcessCount(marker, interval);
        count.sampler.start();
        return count;
    }

    int peak() {
        return peak;
    }

    private void sample() {
        while (!stopped) {
            peak = Math.max(peak, countNow());
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** A shell's child shows the shell's command line from its fork to its exec, so children are left out. */
    private int countNow() {
        Set<String> marked = new HashSet<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, p -> isPid(p.getFileName().toString()))) {
            for (Path process : processes) {
                if (carriesMarker(process)) {
                    marked.add(process.getFileName().toString());
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return (int) marked.stream().filter(pid -> !marked.contains(parentOf(pid))).count();
    }

    private static String parentOf(String pid) {
        try {
            String stat = Files.readString(PROC.resolve(pid).resolve("stat"));
            // pid (comm) state ppid ...; comm may hold spaces and parentheses, so parse after the last ')'
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1];
        } catch (IOException | RuntimeException e) {
            return ""; // ended meanwhile
        }
    }

    private boolean carriesMarker(Path process) {
        try {
            byte[] cmdline = Files.readAllBytes(process.resolve("cmdline"));
            for (int i = 0; i + marker.length <= cmdline.length; i++) {
                if (Arrays.equals(cmdline, i, i + marker.length, marker, 0, marker.length)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false; // ended meanwhile
        }
    }

    private static boolean isPid(String name) {
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        sampler.interrupt();
        sampler.join();
    }
}
