package dev.symbiont.agent;

import java.time.Duration;
import java.util.Objects;

/** What an agent may consume at most (the seed's ResourceLimits). */
public record ResourceLimits(int memoryMb, double cpuCores, int diskIoMbps, int networkIoMbps,
                             Duration executionTimeout) {

    public ResourceLimits {
        Objects.requireNonNull(executionTimeout, "executionTimeout");
        if (memoryMb <= 0 || cpuCores <= 0 || diskIoMbps <= 0 || networkIoMbps < 0
                || executionTimeout.isNegative() || executionTimeout.isZero()) {
            throw new IllegalArgumentException("resource limits must be positive (network_io_mbps may be 0)");
        }
    }
}
