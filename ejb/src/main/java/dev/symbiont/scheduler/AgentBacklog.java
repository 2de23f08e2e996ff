package dev.symbiont.scheduler;

import java.util.TreeSet;
import java.util.UUID;

/**
 * One agent's waiting tasks and the task it is busy with, if any. An agent runs one task at a time (its
 * lifecycle is ready, running, ready), so only its best waiting task competes for the node, and only while it
 * is neither busy nor held (suspended by an operator or for a policy violation).
 */
final class AgentBacklog {

    private final TreeSet<WaitingTask> waiting = new TreeSet<>(WaitingTask.AGENT_ORDER);
    private UUID busyWith;
    private boolean held;

    AgentBacklog(boolean held) {
        this.held = held;
    }

    void add(WaitingTask task) {
        waiting.add(task);
    }

    void remove(WaitingTask task) {
        waiting.remove(task);
    }

    /** Highest priority, then oldest; null if nothing waits. */
    WaitingTask best() {
        return waiting.isEmpty() ? null : waiting.first();
    }

    /** The task whose turn it is, or null while the agent is busy, held or has nothing waiting. */
    WaitingTask eligible() {
        return busyWith == null && !held ? best() : null;
    }

    void hold(boolean hold) {
        held = hold;
    }

    boolean isBusy() {
        return busyWith != null;
    }

    void occupy(UUID taskId) {
        if (busyWith != null) {
            throw new IllegalStateException("the agent is already busy with task " + busyWith);
        }
        busyWith = taskId;
    }

    void vacate() {
        busyWith = null;
    }

    /** Nothing to remember: the scheduler keeps nothing for an agent that neither waits nor runs. */
    boolean isIdle() {
        return busyWith == null && waiting.isEmpty();
    }
}
