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
    OOM_KILLED,

    /**
     * Stopped on request ({@link SandboxOrchestrator#stop}) before the run saw its process end: killed, or never
     * started when the stop came first. The exit code is whatever the kill left (-1 if the engine never said).
     */
    STOPPED;

    /**
     * A stop wins: it was accepted before the run saw the process end, so a kill's 137 (which gVisor would count as
     * a memory kill) or a deadline passing after it is the stop's doing. Then a timeout wins: a process killed at its
     * deadline did not end because of memory, whatever else happened.
     */
    public static Termination of(boolean stopped, boolean timedOut, boolean oomKilled) {
        if (stopped) {
            return STOPPED;
        }
        if (timedOut) {
            return TIMED_OUT;
        }
        return oomKilled ? OOM_KILLED : EXITED;
    }
}
