package dev.symbiont.sandbox.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.WaitResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The engine's wait for a container to stop, as a future, so a run can wait for it together with other ends (its
 * exec's stream, a stop). An error (the stream cut) completes it too; a cold run asks for that error with
 * {@link #throwIfCut()}, a warm one learns the state from the engine anyway.
 */
final class ContainerExit extends ResultCallback.Adapter<WaitResponse> {

    final CompletableFuture<Void> stopped = new CompletableFuture<>();
    volatile int statusCode = -1;

    @Override
    public void onNext(WaitResponse response) {
        if (response.getStatusCode() != null) {
            statusCode = response.getStatusCode();
        }
    }

    @Override
    public void onComplete() {
        stopped.complete(null);
        super.onComplete();
    }

    @Override
    public void onError(Throwable throwable) {
        try {
            super.onError(throwable);
        } finally {
            stopped.complete(null);
        }
    }

    /** Rethrows the error that ended the wait, if one did. */
    void throwIfCut() {
        throwFirstError();
    }

    /** Waits for one of a run's ends; @return whether it completed within the limit (also with an error) */
    static boolean completesWithin(CompletableFuture<?> future, Duration limit) throws InterruptedException {
        try {
            future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }
}
