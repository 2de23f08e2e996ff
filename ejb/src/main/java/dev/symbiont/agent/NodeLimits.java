package dev.symbiont.agent;

import java.time.Duration;

/**
 * The most one agent may declare on this node. Defaults come from the host (memory, cores); operators lower them
 * with symbiont.agent.max-* settings.
 */
public record NodeLimits(int maxMemoryMb, double maxCpuCores, int maxDiskIoMbps, int maxNetworkIoMbps,
                         Duration maxExecutionTimeout) {
}
