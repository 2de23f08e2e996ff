package dev.symbiont.sandbox.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import dev.symbiont.sandbox.CapturedOutput;
import java.time.Duration;
import java.util.Optional;

/**
 * Receives a container's attached stdout and stderr. Everything is read to the end (so the process never blocks on
 * a full pipe) but only the first bytes up to the cap are kept.
 */
final class OutputCapture extends ResultCallback.Adapter<Frame> {

    private final CappedBuffer stdout;
    private final CappedBuffer stderr;
    private final long requestedNanos;
    private volatile long firstOutputNanos;

    OutputCapture(long capBytes, long requestedNanos) {
        this.stdout = new CappedBuffer(capBytes);
        this.stderr = new CappedBuffer(capBytes);
        this.requestedNanos = requestedNanos;
    }

    @Override
    public void onNext(Frame frame) {
        if (firstOutputNanos == 0) {
            firstOutputNanos = System.nanoTime();
        }
        switch (frame.getStreamType()) {
            case STDOUT, RAW -> stdout.append(frame.getPayload());
            case STDERR -> stderr.append(frame.getPayload());
            default -> { }
        }
    }

    CapturedOutput stdout() {
        return stdout.captured();
    }

    CapturedOutput stderr() {
        return stderr.captured();
    }

    Optional<Duration> firstOutput() {
        long first = firstOutputNanos;
        return first == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(first - requestedNanos));
    }
}
