package dev.symbiont.scheduler;

/** What cancelling a task did in the scheduler. */
public enum Cancellation {
    /** It had not started: it left the queue (or stopped waiting for its victims) and will never run. */
    WITHDRAWN,
    /** It runs: the wrapper stops it and reports {@code finished}, which releases its allocation. */
    RUNNING,
    /** The scheduler does not know it (already ended, or never submitted here). */
    UNKNOWN
}
