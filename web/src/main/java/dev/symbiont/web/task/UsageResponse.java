package dev.symbiont.web.task;

import dev.symbiont.scheduler.AgentUsage;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AgentUsage", description = "What an agent consumed since a point in time, from its recorded "
        + "executions (direct and scheduled), and what its running task holds now")
public record UsageResponse(Instant since,
                            @Schema(description = "Executions per status") Map<String, Long> executions,
                            @Schema(description = "Tasks per state") Map<String, Long> tasks,
                            long runTimeMs,
                            @Schema(description = "CPU time as the engine sampled it (about once a second)")
                            long cpuTimeMs,
                            Long peakMemoryBytes, long outputBytes,
                            @Schema(description = "The resources of its running task; absent when none runs")
                            TaskResponse.ResourcesResponse holding) {

    public static UsageResponse of(AgentUsage u) {
        return new UsageResponse(u.since(), u.executions(), u.tasks(), u.runTime().toMillis(), u.cpuTime().toMillis(),
                u.peakMemoryBytes().isPresent() ? u.peakMemoryBytes().getAsLong() : null, u.outputBytes(),
                u.holding().map(TaskResponse.ResourcesResponse::of).orElse(null));
    }
}
