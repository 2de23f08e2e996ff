package dev.symbiont.scheduler;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Decision passes on request, without a polling loop: every event that may change a decision (a submission, a
 * cancellation, a run's end) calls {@link #request}; one pass runs at a time on the executor, and a pass repeats
 * while requests arrived during it, so a burst of events costs one or two passes, not one each. A request is never
 * lost: if it comes just as a pass ends, that pass's thread or the requester's starts the next one.
 *
 * <p>The pass itself (decide, then carry out) is the caller's; it should handle its own failures, since one that
 * escapes ends the current pass (the next request starts a new one) and is left to the executor.
 */
public final class DecisionPasses {

    private final Executor executor;
    private final Runnable pass;
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicBoolean passing = new AtomicBoolean();

    public DecisionPasses(Executor executor, Runnable pass) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.pass = Objects.requireNonNull(pass, "pass");
    }

    /** Asks for a pass; it runs soon on the executor, or joins the one running now. */
    public void request() {
        wanted.set(true);
        if (passing.compareAndSet(false, true)) {
            executor.execute(this::passWhileWanted);
        }
    }

    private void passWhileWanted() {
        try {
            while (wanted.getAndSet(false)) {
                pass.run();
            }
        } finally {
            passing.set(false);
            // a request that saw passing still true just before it was cleared would otherwise wait for the next
            if (wanted.get() && passing.compareAndSet(false, true)) {
                executor.execute(this::passWhileWanted);
            }
        }
    }
}
