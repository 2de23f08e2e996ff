package dev.symbiont.scheduler;

import dev.symbiont.agent.ResourceLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * What one task asks of the node: the seed's resource types. Memory and CPU are reserved in the node's pool while
 * the task runs; all five are handed to the sandbox as its limits.
 */
public record ResourceRequest(int memoryMb, double cpuCores, int diskIoMbps, int networkIoMbps, Duration timeout) {

    public ResourceRequest {
        Objects.requireNonNull(timeout, "timeout");
        if (memoryMb <= 0 || !(cpuCores > 0) || diskIoMbps <= 0 || networkIoMbps < 0
                || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a resource request must be positive (network_io_mbps may be 0)");
        }
    }

    /** The agent's own limits: what a task gets when it asks for nothing. */
    public static ResourceRequest of(ResourceLimits limits) {
        return new ResourceRequest(limits.memoryMb(), limits.cpuCores(), limits.diskIoMbps(),
                limits.networkIoMbps(), limits.executionTimeout());
    }

    /** Whether every part stays within the agent's limits. */
    public boolean within(ResourceLimits limits) {
        return memoryMb <= limits.memoryMb() && cpuCores <= limits.cpuCores() && diskIoMbps <= limits.diskIoMbps()
                && networkIoMbps <= limits.networkIoMbps() && timeout.compareTo(limits.executionTimeout()) <= 0;
    }

    /** The parts above the agent's limits, named as on the wire, e.g. "memory_mb 512 > 256". */
    public String excessOver(ResourceLimits limits) {
        StringBuilder excess = new StringBuilder();
        if (memoryMb > limits.memoryMb()) {
            excess.append("memory_mb ").append(memoryMb).append(" > ").append(limits.memoryMb()).append("; ");
        }
        if (cpuCores > limits.cpuCores()) {
            excess.append("cpu_cores ").append(cpuCores).append(" > ").append(limits.cpuCores()).append("; ");
        }
        if (diskIoMbps > limits.diskIoMbps()) {
            excess.append("disk_io_mbps ").append(diskIoMbps).append(" > ").append(limits.diskIoMbps()).append("; ");
        }
        if (networkIoMbps > limits.networkIoMbps()) {
            excess.append("network_io_mbps ").append(networkIoMbps).append(" > ").append(limits.networkIoMbps())
                    .append("; ");
        }
        if (timeout.compareTo(limits.executionTimeout()) > 0) {
            excess.append("timeout ").append(timeout).append(" > ").append(limits.executionTimeout()).append("; ");
        }
        return excess.isEmpty() ? "" : excess.substring(0, excess.length() - 2);
    }
}
