package dev.symbiont.scheduler;

import dev.symbiont.execution.ExecutionPlan;

/** How starting a claimed task went: planned for its sandbox, or handed back because its agent is held. */
sealed interface TaskStart {

    record Planned(ExecutionPlan plan) implements TaskStart {
    }

    /** The agent was suspended (by an operator, or for a violation): the task waits preempted, no attempt spent. */
    record Held(String reason) implements TaskStart {
    }
}
