package dev.symbiont.scheduler;

import com.sun.management.OperatingSystemMXBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The scheduler's settings from MP Config (symbiont.scheduler.*). The node's capacity defaults to what the host
 * has: all its cores, and its memory less what the runtime itself may take (its maximum heap and 512 MB more).
 */
@ApplicationScoped
public class SchedulerConfiguration {

    @Inject
    @ConfigProperty(name = "symbiont.scheduler.strategy", defaultValue = "first-fit")
    String strategy;

    @Inject
    @ConfigProperty(name = "symbiont.scheduler.ageing-step", defaultValue = "PT1M")
    Duration ageingStep;

    @Inject
    @ConfigProperty(name = "symbiont.scheduler.critical-headroom", defaultValue = "0.2")
    double criticalHeadroom;

    @Inject
    @ConfigProperty(name = "symbiont.scheduler.backfill-limit", defaultValue = "PT5M")
    Duration backfillLimit;

    @Inject
    @ConfigProperty(name = "symbiont.scheduler.lookahead", defaultValue = "32")
    int lookahead;

    @Inject
    @ConfigProperty(name = "symbiont.scheduler.capacity.memory-mb")
    Optional<Long> memoryMb;

    @Inject
    @ConfigProperty(name = "symbiont.scheduler.capacity.cpu-cores")
    Optional<Double> cpuCores;

    /** 0: disk bandwidth is not reserved, only limited per task. */
    @Inject
    @ConfigProperty(name = "symbiont.scheduler.capacity.disk-io-mbps", defaultValue = "0")
    long diskIoMbps;

    /** 0: network bandwidth is not reserved, only recorded per task. */
    @Inject
    @ConfigProperty(name = "symbiont.scheduler.capacity.network-io-mbps", defaultValue = "0")
    long networkIoMbps;

    @Inject
    @ConfigProperty(name = "symbiont.scheduler.max-attempts", defaultValue = "3")
    int maxAttempts;

    public SchedulerSettings settings() {
        return new SchedulerSettings(strategy, ageingStep, criticalHeadroom, backfillLimit, lookahead);
    }

    public Capacity capacity() {
        long hostMemoryMb = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class).getTotalMemorySize() >> 20;
        long runtimeMb = (Runtime.getRuntime().maxMemory() >> 20) + 512;
        return Capacity.ofNode(memoryMb.orElse(Math.max(1, hostMemoryMb - runtimeMb)),
                cpuCores.orElse((double) Runtime.getRuntime().availableProcessors()), diskIoMbps, networkIoMbps);
    }

    /** How often a task may be claimed when its submission does not say. */
    public int maxAttempts() {
        if (maxAttempts < 1) {
            throw new IllegalStateException("symbiont.scheduler.max-attempts must be at least 1, got " + maxAttempts);
        }
        return maxAttempts;
    }
}
