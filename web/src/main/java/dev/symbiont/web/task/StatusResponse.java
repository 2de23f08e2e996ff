package dev.symbiont.web.task;

import dev.symbiont.sandbox.SecurityTier;
import dev.symbiont.scheduler.Capacity;
import dev.symbiont.scheduler.SchedulerStatus;
import dev.symbiont.scheduler.TaskPriority;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SystemStatus", description = "The node's scheduler at one instant (the seed's get_system_status)")
public record StatusResponse(
        String nodeId, Instant at,
        @Schema(description = "first-fit, best-fit or priority-based") String strategy,
        @Schema(description = "Waiting tasks per priority") Map<String, Integer> queueDepth,
        @Schema(description = "Per priority, how long its oldest eligible task has waited, in ms")
        Map<String, Long> longestWaitMs,
        int waiting, int eligible, int running, int preemptionsPending,
        @Schema(description = "Agents with a task waiting or running") int activeAgents,
        @Schema(description = "Agents whose tasks wait until they are resumed (suspended by an operator or for a "
                + "policy violation)") int heldAgents,
        @Schema(description = "Running tasks per sandbox tier") Map<String, Integer> runningPerTier,
        CapacityResponse capacity, CapacityResponse used, CapacityResponse free,
        @Schema(description = "Kept for critical tasks (priority-based strategy)") CapacityResponse criticalHeadroom) {

    @Schema(name = "Capacity", description = "Memory, CPU and I/O bandwidth; 0 I/O: not accounted on this node")
    public record CapacityResponse(long memoryMb, double cpuCores, long diskIoMbps, long networkIoMbps) {

        static CapacityResponse of(Capacity c) {
            return new CapacityResponse(c.memoryMb(), c.cpuMillicores() / 1000.0, c.diskIoMbps(), c.networkIoMbps());
        }
    }

    public static StatusResponse of(String nodeId, Instant at, SchedulerStatus s, Map<SecurityTier, Integer> tiers) {
        Map<String, Integer> depth = new LinkedHashMap<>();
        Map<String, Long> longest = new LinkedHashMap<>();
        for (TaskPriority p : TaskPriority.values()) {
            depth.put(p.label(), s.waiting().getOrDefault(p, 0));
            if (s.longestEligibleWait().containsKey(p)) {
                longest.put(p.label(), s.longestEligibleWait().get(p).toMillis());
            }
        }
        Map<String, Integer> perTier = new LinkedHashMap<>();
        tiers.forEach((tier, count) -> perTier.put(tier.name().toLowerCase(), count));
        return new StatusResponse(nodeId, at, s.strategy(), depth, longest, s.waitingTotal(), s.eligible(),
                s.running(), s.preemptionsPending(), s.activeAgents(), s.heldAgents(), perTier,
                CapacityResponse.of(s.total()), CapacityResponse.of(s.used()), CapacityResponse.of(s.free()),
                CapacityResponse.of(s.criticalHeadroom()));
    }
}
