package dev.symbiont.scheduler;

import java.time.Duration;
import java.util.Map;

/**
 * The scheduler at one instant, for {@code GET /api/v1/status}.
 *
 * @param waiting               waiting tasks per priority, including those behind their agent's running task
 * @param longestEligibleWait   per priority, how long its oldest eligible task has waited (absent: none eligible);
 *                              tasks behind their own agent's running task wait for the agent, not the node
 * @param running               tasks holding an allocation, including victims still being stopped
 * @param preemptionsPending    tasks waiting for their victims to stop
 * @param activeAgents          agents with a task waiting or running; the scheduler keeps nothing for the others
 * @param heldAgents            agents whose tasks wait until an operator resumes them (suspended by hand or for a
 *                              policy violation)
 * @param used                  allocated capacity, including what pending preemptions hold for their tasks
 * @param criticalHeadroom      the part of the node kept for critical tasks (none unless priority-based)
 */
public record SchedulerStatus(String strategy, Map<TaskPriority, Integer> waiting,
                              Map<TaskPriority, Duration> longestEligibleWait, int eligible, int running,
                              int preemptionsPending, int activeAgents, int heldAgents, Capacity total,
                              Capacity used, Capacity free, Capacity criticalHeadroom) {

    public SchedulerStatus {
        waiting = Map.copyOf(waiting);
        longestEligibleWait = Map.copyOf(longestEligibleWait);
    }

    public int waitingTotal() {
        return waiting.values().stream().mapToInt(Integer::intValue).sum();
    }
}
