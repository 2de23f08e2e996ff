package dev.symbiont.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What an agent has consumed on all nodes since a point in time, from its recorded executions, and what it holds
 * now: the resources of its running task, if any.
 *
 * @param executions     executions requested since then, per status
 * @param tasks          its tasks submitted since then, per state
 * @param runTime        the summed duration of its processes
 * @param cpuTime        the summed CPU time the engine sampled (a lower bound: sampled about once a second)
 * @param peakMemoryBytes the highest memory any one of its executions reached
 * @param outputBytes    stdout and stderr produced, counted in full (stored up to the cap)
 * @param holding        the resource request of its task running now
 */
public record AgentUsage(Instant since, Map<String, Long> executions, Map<String, Long> tasks, Duration runTime,
                         Duration cpuTime, OptionalLong peakMemoryBytes, long outputBytes,
                         Optional<ResourceRequest> holding) {

    public AgentUsage {
        executions = Map.copyOf(executions);
        tasks = Map.copyOf(tasks);
    }
}
