package dev.symbiont.agent;

import com.sun.management.OperatingSystemMXBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds {@link NodeLimits} from configuration, defaulting to what this host has. */
@ApplicationScoped
public class AgentLimitsProducer {

    @Inject
    @ConfigProperty(name = "symbiont.agent.max-memory-mb")
    Optional<Integer> maxMemoryMb;

    @Inject
    @ConfigProperty(name = "symbiont.agent.max-cpu-cores")
    Optional<Double> maxCpuCores;

    @Inject
    @ConfigProperty(name = "symbiont.agent.max-disk-io-mbps", defaultValue = "10000")
    int maxDiskIoMbps;

    @Inject
    @ConfigProperty(name = "symbiont.agent.max-network-io-mbps", defaultValue = "10000")
    int maxNetworkIoMbps;

    @Inject
    @ConfigProperty(name = "symbiont.agent.max-execution-timeout", defaultValue = "PT24H")
    Duration maxExecutionTimeout;

    @Produces
    NodeLimits nodeLimits() {
        int hostMemoryMb = (int) Math.min(Integer.MAX_VALUE,
                ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class).getTotalMemorySize() >> 20);
        return new NodeLimits(maxMemoryMb.orElse(hostMemoryMb),
                maxCpuCores.orElse((double) Runtime.getRuntime().availableProcessors()),
                maxDiskIoMbps, maxNetworkIoMbps, maxExecutionTimeout);
    }

    @Produces
    AgentConfigurationValidator configurationValidator(NodeLimits limits) {
        return new AgentConfigurationValidator(limits);
    }
}
