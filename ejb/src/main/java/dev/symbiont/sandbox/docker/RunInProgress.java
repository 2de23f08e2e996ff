package dev.symbiont.sandbox.docker;

import dev.symbiont.sandbox.ExecutionRequest;
import dev.symbiont.sandbox.ExecutionResult;
import dev.symbiont.sandbox.SecurityTier;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An execution an orchestrator is running, as a stop reaches it. A stop does not touch the container itself: it
 * wakes the run, which owns the container and kills it (a kill sent from outside could reach a container created
 * but not yet started, be refused, and the run would then start it).
 *
 * <p>Whether the stop or the process's own end counts is decided once, under this object's lock: a stop accepted
 * before the run {@linkplain #settle settled} (saw the exit, or the timeout pass) wins, whatever exit code the kill
 * then leaves; a stop after that is refused. So a stop that was accepted is a run that reports STOPPED. The run
 * looks for a stop before it starts anything, so one that came before the container existed keeps the process from
 * ever starting.
 */
final class RunInProgress {

    private final CompletableFuture<String> stopReason = new CompletableFuture<>();
    private boolean settled;

    /** Accepts a stop unless the run already saw its process end; a second stop keeps the first one's reason. */
    synchronized boolean requestStop(String reason) {
        if (settled) {
            return false;
        }
        stopReason.complete(reason);
        return true;
    }

    /**
     * The result of a run that a stop reached before its process started, if a stop was accepted: asked before
     * anything is created or started.
     */
    Optional<ExecutionResult> stoppedBeforeStart(ExecutionRequest request, SecurityTier tier, long requestedNanos) {
        return stopReason().map(reason -> ExecutionResult.stoppedBeforeStart(request.executionId(), tier, reason,
                Duration.ofNanos(System.nanoTime() - requestedNanos)));
    }

    /** Completes when a stop is accepted, so the run can wait for it together with the process's end. */
    CompletableFuture<String> stopRequested() {
        return stopReason.copy();
    }

    /** The run saw its process end or its timeout pass: stops are refused from now on. */
    synchronized ProcessEnd settle(boolean timedOut) {
        settled = true;
        return new ProcessEnd(timedOut, stopReason());
    }

    private Optional<String> stopReason() {
        return Optional.ofNullable(stopReason.getNow(null));
    }
}
