package dev.symbiont.scheduler;

import java.util.function.ToLongFunction;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The scheduler in /metrics: queue depth per priority, running tasks, held agents, and the node's capacity used and
 * free per resource. Read from the core's status when scraped; per-agent usage is in the API, not here, since
 * 100,000 agents would be 100,000 series.
 */
final class SchedulerGauges {

    private SchedulerGauges() {
    }

    static void register(MetricRegistry registry, AgentScheduler scheduler) {
        var depth = Metadata.builder().withName("symbiont.scheduler.queue.depth")
                .withDescription("Tasks waiting per priority, including those behind their agent's running task")
                .build();
        for (TaskPriority priority : TaskPriority.values()) {
            registry.gauge(depth, scheduler, s -> s.status().waiting().getOrDefault(priority, 0),
                    new Tag("priority", priority.label()));
        }
        registry.gauge(Metadata.builder().withName("symbiont.scheduler.running")
                .withDescription("Tasks holding resources on this node").build(), scheduler,
                s -> s.status().running());
        registry.gauge(Metadata.builder().withName("symbiont.scheduler.held.agents")
                .withDescription("Suspended agents whose tasks wait until they are resumed").build(), scheduler,
                s -> s.status().heldAgents());
        capacity(registry, scheduler, "memory_mb", Capacity::memoryMb);
        capacity(registry, scheduler, "cpu_millicores", Capacity::cpuMillicores);
        capacity(registry, scheduler, "disk_io_mbps", Capacity::diskIoMbps);
        capacity(registry, scheduler, "network_io_mbps", Capacity::networkIoMbps);
    }

    private static void capacity(MetricRegistry registry, AgentScheduler scheduler, String resource,
                                 ToLongFunction<Capacity> part) {
        var used = Metadata.builder().withName("symbiont.scheduler.capacity.used")
                .withDescription("Node capacity allocated to tasks").build();
        var free = Metadata.builder().withName("symbiont.scheduler.capacity.free")
                .withDescription("Node capacity not allocated").build();
        registry.gauge(used, scheduler, s -> part.applyAsLong(s.status().used()), new Tag("resource", resource));
        registry.gauge(free, scheduler, s -> part.applyAsLong(s.status().free()), new Tag("resource", resource));
    }
}
