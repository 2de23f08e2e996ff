package dev.symbiont.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * What one execution may consume. Every limit is enforced by the sandbox, never by the agent's cooperation.
 *
 * @param memoryBytes            memory including the page cache of its scratch files; no swap on top
 * @param cpus                   CPU time per wall-clock second (0.5 = half a core), as a cgroup quota
 * @param maxProcesses           processes and threads the agent may have at once
 * @param scratchBytes           size of the writable scratch directory {@code /tmp}, the only writable place
 * @param timeout                wall-clock time from start to kill
 * @param outputCapBytes         bytes kept of stdout and of stderr each; the rest is counted and dropped
 * @param diskReadBytesPerSecond throttle on reads from the engine's block devices, 0 for none
 * @param diskWriteBytesPerSecond throttle on writes to them, 0 for none
 */
public record SandboxLimits(long memoryBytes, double cpus, int maxProcesses, long scratchBytes, Duration timeout,
                            long outputCapBytes, long diskReadBytesPerSecond, long diskWriteBytesPerSecond) {

    /** Docker refuses memory limits below 6 MiB. */
    public static final long MIN_MEMORY_BYTES = 6L * 1024 * 1024;

    public SandboxLimits {
        Objects.requireNonNull(timeout, "timeout");
        if (memoryBytes < MIN_MEMORY_BYTES) {
            throw new IllegalArgumentException("memory limit below 6 MiB: " + memoryBytes);
        }
        if (!(cpus > 0) || maxProcesses < 1 || scratchBytes < 1 || outputCapBytes < 0
                || diskReadBytesPerSecond < 0 || diskWriteBytesPerSecond < 0) {
            throw new IllegalArgumentException("sandbox limits must be positive (output cap and disk rates may be 0)");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** Modest limits for a short task: 128 MiB, half a core, 64 processes, 16 MiB scratch, 1 MiB output. */
    public static SandboxLimits modest(Duration timeout) {
        return new SandboxLimits(128L << 20, 0.5, 64, 16L << 20, timeout, 1L << 20, 0, 0);
    }

    public SandboxLimits withMemoryBytes(long bytes) {
        return new SandboxLimits(bytes, cpus, maxProcesses, scratchBytes, timeout, outputCapBytes,
                diskReadBytesPerSecond, diskWriteBytesPerSecond);
    }

    public SandboxLimits withCpus(double value) {
        return new SandboxLimits(memoryBytes, value, maxProcesses, scratchBytes, timeout, outputCapBytes,
                diskReadBytesPerSecond, diskWriteBytesPerSecond);
    }

    public SandboxLimits withMaxProcesses(int value) {
        return new SandboxLimits(memoryBytes, cpus, value, scratchBytes, timeout, outputCapBytes,
                diskReadBytesPerSecond, diskWriteBytesPerSecond);
    }

    public SandboxLimits withScratchBytes(long bytes) {
        return new SandboxLimits(memoryBytes, cpus, maxProcesses, bytes, timeout, outputCapBytes,
                diskReadBytesPerSecond, diskWriteBytesPerSecond);
    }

    public SandboxLimits withTimeout(Duration value) {
        return new SandboxLimits(memoryBytes, cpus, maxProcesses, scratchBytes, value, outputCapBytes,
                diskReadBytesPerSecond, diskWriteBytesPerSecond);
    }

    public SandboxLimits withOutputCapBytes(long bytes) {
        return new SandboxLimits(memoryBytes, cpus, maxProcesses, scratchBytes, timeout, bytes,
                diskReadBytesPerSecond, diskWriteBytesPerSecond);
    }

    public SandboxLimits withDiskBytesPerSecond(long read, long write) {
        return new SandboxLimits(memoryBytes, cpus, maxProcesses, scratchBytes, timeout, outputCapBytes, read, write);
    }
}
