package dev.symbiont.execution;

import dev.symbiont.sandbox.Termination;

/** Where an execution is, and once ended, why it ended. */
public enum ExecutionStatus {
    /** Started and not yet ended. */
    RUNNING,
    /** The process exited by itself, with any exit code. */
    EXITED,
    /** Killed at the agent's execution timeout. */
    TIMED_OUT,
    /** Killed for exceeding its memory limit. */
    OOM_KILLED,
    /** Stopped on request (preempted for other work, or its task cancelled); the reason says which. */
    STOPPED,
    /** Policy (sandbox.exec) denied it; nothing was started. */
    POLICY_DENIED,
    /** The chosen tier could not run it with its guarantees (an unknown image, network on a tier without). */
    REFUSED,
    /** The sandbox was unavailable or failed during the run. */
    FAILED,
    /** The server stopped while it ran; its container was reaped at the next start. */
    INTERRUPTED;

    public static ExecutionStatus of(Termination termination) {
        return switch (termination) {
            case EXITED -> EXITED;
            case TIMED_OUT -> TIMED_OUT;
            case OOM_KILLED -> OOM_KILLED;
            case STOPPED -> STOPPED;
        };
    }

    public String label() {
        return name().toLowerCase();
    }
}
