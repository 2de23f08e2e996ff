package dev.symbiont.scheduler;

import java.util.Objects;

/**
 * Why the scheduler stops a running task's sandbox, and so how the task ends: cancelled (for good) or preempted
 * (back to the queue).
 */
record StopRequest(TaskState outcome, String reason, String actor) {

    StopRequest {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(actor, "actor");
        if (outcome != TaskState.CANCELLED && outcome != TaskState.PREEMPTED) {
            throw new IllegalArgumentException("a stop cancels or preempts, not " + outcome);
        }
    }

    static StopRequest cancel(String actor) {
        return new StopRequest(TaskState.CANCELLED, "cancelled by " + actor, actor);
    }

    static StopRequest preempt(String reason) {
        return new StopRequest(TaskState.PREEMPTED, "preempted: " + reason, AgentScheduler.ACTOR);
    }

    /** An operator suspended the agent: its task goes back to the queue, held until the agent is resumed. */
    static StopRequest agentSuspended(String actor, String why) {
        return new StopRequest(TaskState.PREEMPTED, "preempted: agent suspended by " + actor + " (" + why + "); the "
                + "task waits until the agent is resumed", actor);
    }

    /** An operator terminated the agent: its task ends for good. */
    static StopRequest agentTerminated(String actor) {
        return new StopRequest(TaskState.CANCELLED, "cancelled: agent terminated by " + actor, actor);
    }

    /** An orderly shutdown hands running tasks back like a preemption: they restart at the next start. */
    static StopRequest shutdown() {
        return new StopRequest(TaskState.PREEMPTED, "preempted: the server is shutting down; the task restarts when "
                + "it is up again", AgentScheduler.ACTOR);
    }
}
