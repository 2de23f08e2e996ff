package dev.symbiont.sandbox;

/** Why an execution ended. */
public enum Termination {

    /** The process exited by itself (any exit code, including death by a signal it caused). */
    EXITED,

    /** The wall-clock timeout passed and the sandbox was killed. */
    TIMED_OUT,

    /**
     * The memory limit was hit and a process was killed for it. On runc the host's OOM killer picks one process
     * (if not the first, the run goes on and its exit code is its own); on gVisor the whole sandbox dies (137).
     */
    OOM_KILLED;

    /** A timeout wins: a process killed at its deadline did not end because of memory, whatever else happened. */
    public static Termination of(boolean timedOut, boolean oomKilled) {
        if (timedOut) {
            return TIMED_OUT;
        }
        return oomKilled ? OOM_KILLED : EXITED;
    }
}
