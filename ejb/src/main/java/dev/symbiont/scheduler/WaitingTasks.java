package dev.symbiont.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Every task waiting for the node, agent by agent, and which of them are eligible: each agent's best waiting task,
 * while the agent is neither busy nor held. All changes are O(log n) in the number of waiting tasks; nothing scans.
 */
final class WaitingTasks {

    private final Map<UUID, WaitingTask> byId = new HashMap<>();
    private final Map<UUID, AgentBacklog> agents = new HashMap<>();
    /** Kept apart from the backlogs, which are forgotten while an agent has nothing waiting. */
    private final Set<UUID> held = new HashSet<>();
    private final EligibleQueues eligible;
    private final int[] depthByRank = new int[TaskPriority.values().length];

    WaitingTasks(Ageing ageing) {
        this.eligible = new EligibleQueues(ageing);
    }

    /** Queues a task; it becomes eligible at once if it is now its idle agent's best. */
    void add(WaitingTask task) {
        if (byId.putIfAbsent(task.taskId(), task) != null) {
            throw new IllegalStateException("task " + task.taskId() + " is already waiting");
        }
        depthByRank[task.priority().rank()]++;
        AgentBacklog backlog = agents.computeIfAbsent(task.agentId(), agent -> new AgentBacklog(held.contains(agent)));
        WaitingTask before = backlog.eligible();
        backlog.add(task);
        swapEligible(before, backlog.eligible());
    }

    /** Takes a task out of the queue without running it (cancelled); its agent's next task may become eligible. */
    Optional<WaitingTask> remove(UUID taskId) {
        WaitingTask task = byId.remove(taskId);
        if (task == null) {
            return Optional.empty();
        }
        depthByRank[task.priority().rank()]--;
        AgentBacklog backlog = agents.get(task.agentId());
        WaitingTask before = backlog.eligible();
        backlog.remove(task);
        swapEligible(before, backlog.eligible());
        forgetIfIdle(task.agentId(), backlog);
        return Optional.of(task);
    }

    /** The eligible task leaves the queue to run (or to wait for its preemption victims); its agent is busy. */
    void claim(WaitingTask task) {
        if (!eligible.contains(task)) {
            throw new IllegalStateException("task " + task.taskId() + " is not eligible");
        }
        eligible.remove(task);
        byId.remove(task.taskId());
        depthByRank[task.priority().rank()]--;
        AgentBacklog backlog = agents.get(task.agentId());
        backlog.remove(task);
        backlog.occupy(task.taskId());
    }

    /** The agent's task is over (ended, stopped or withdrawn); its best waiting task becomes eligible. */
    void agentFreed(UUID agentId) {
        AgentBacklog backlog = agents.get(agentId);
        if (backlog == null || !backlog.isBusy()) {
            throw new IllegalStateException("agent " + agentId + " is not busy");
        }
        backlog.vacate();
        swapEligible(null, backlog.eligible());
        forgetIfIdle(agentId, backlog);
    }

    /** None of the agent's tasks starts until it is released; a running one is the caller's to stop. */
    void hold(UUID agentId) {
        if (held.add(agentId)) {
            AgentBacklog backlog = agents.get(agentId);
            if (backlog != null) {
                WaitingTask before = backlog.eligible();
                backlog.hold(true);
                swapEligible(before, null);
            }
        }
    }

    void release(UUID agentId) {
        if (held.remove(agentId)) {
            AgentBacklog backlog = agents.get(agentId);
            if (backlog != null) {
                backlog.hold(false);
                swapEligible(null, backlog.eligible());
            }
        }
    }

    int heldAgents() {
        return held.size();
    }

    private void swapEligible(WaitingTask before, WaitingTask after) {
        if (before == after) {
            return;
        }
        if (before != null) {
            eligible.remove(before);
        }
        if (after != null) {
            eligible.add(after);
        }
    }

    private void forgetIfIdle(UUID agentId, AgentBacklog backlog) {
        if (backlog.isIdle()) {
            agents.remove(agentId);
        }
    }

    boolean contains(UUID taskId) {
        return byId.containsKey(taskId);
    }

    boolean isEligible(UUID taskId) {
        WaitingTask task = byId.get(taskId);
        return task != null && eligible.contains(task);
    }

    WaitingTask head(Instant now) {
        return eligible.head(now);
    }

    Iterator<WaitingTask> inOrder(Instant now) {
        return eligible.inOrder(now);
    }

    int depth(TaskPriority priority) {
        return depthByRank[priority.rank()];
    }

    int eligibleCount() {
        return eligible.size();
    }

    /** Agents with a task waiting or running: the only ones the scheduler keeps anything for. */
    int knownAgents() {
        return agents.size();
    }

    Optional<Duration> longestEligibleWait(TaskPriority priority, Instant now) {
        return eligible.longestWait(priority, now);
    }
}
