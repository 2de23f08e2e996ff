package dev.symbiont.scheduler;

import dev.symbiont.agent.ResourceLimits;
import java.time.Duration;
import java.util.Optional;

/**
 * What a submission asks for where it differs from its agent's limits; every part is optional and an omitted part
 * is the agent's own. Whether the result may exceed the agent's limits is policy's call, not this record's.
 */
public record ResourceOverrides(Optional<Integer> memoryMb, Optional<Double> cpuCores, Optional<Integer> diskIoMbps,
                                Optional<Integer> networkIoMbps, Optional<Duration> timeout) {

    public static final ResourceOverrides NONE = new ResourceOverrides(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    /** The request with the agent's limits filled in. */
    public ResourceRequest resolve(ResourceLimits agent) {
        return new ResourceRequest(memoryMb.orElse(agent.memoryMb()), cpuCores.orElse(agent.cpuCores()),
                diskIoMbps.orElse(agent.diskIoMbps()), networkIoMbps.orElse(agent.networkIoMbps()),
                timeout.orElse(agent.executionTimeout()));
    }
}
