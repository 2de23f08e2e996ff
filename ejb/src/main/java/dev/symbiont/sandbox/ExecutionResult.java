package dev.symbiont.sandbox;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * How an execution ended. A result exists only for a process that was started, or for a run stopped on request
 * before its process started; requests the sandbox cannot run end in an exception instead.
 *
 * @param exitCode        the process's exit status as the engine reports it (137 when killed; -1 when a stop came
 *                        before the process started, or when the engine had not reported a killed process's status
 *                        by the time its container had to be removed forcibly)
 * @param duration        from process start to its end, by the engine's clock (warm: by ours, from the exec's start
 *                        to its end, since the engine does not time an exec)
 * @param startup         from the request to the process running: create, attach, start
 * @param firstOutput     from the request to the first byte on stdout or stderr, if any came
 * @param peakMemoryBytes the highest memory use the engine sampled (about once a second), if it sampled any
 * @param cpuTime         CPU time used by the sandbox as of the engine's last sample, if it took one
 * @param warm            whether the run took a pre-started container from the warm pool instead of creating one;
 *                        either way the container was the run's alone and is gone
 * @param stopReason      what the stop's requester gave as its reason; present exactly when it was
 *                        {@link Termination#STOPPED}
 */
public record ExecutionResult(UUID executionId, SecurityTier tier, Termination termination, int exitCode,
                              CapturedOutput stdout, CapturedOutput stderr, Duration duration, Duration startup,
                              Optional<Duration> firstOutput, OptionalLong peakMemoryBytes,
                              Optional<Duration> cpuTime, boolean warm, Optional<String> stopReason) {

    public ExecutionResult {
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(termination, "termination");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(startup, "startup");
        Objects.requireNonNull(firstOutput, "firstOutput");
        Objects.requireNonNull(peakMemoryBytes, "peakMemoryBytes");
        Objects.requireNonNull(cpuTime, "cpuTime");
        Objects.requireNonNull(stopReason, "stopReason");
        if ((termination == Termination.STOPPED) != stopReason.isPresent()) {
            throw new IllegalArgumentException("a stop reason goes with a stopped run, and only with one: "
                    + termination + ", " + stopReason);
        }
    }

    /**
     * A run stopped before its process was started: nothing ran, nothing was written.
     *
     * @param sinceRequest from the request until the stop was seen
     */
    public static ExecutionResult stoppedBeforeStart(UUID executionId, SecurityTier tier, String reason,
                                                     Duration sinceRequest) {
        return new ExecutionResult(executionId, tier, Termination.STOPPED, -1, CapturedOutput.empty(),
                CapturedOutput.empty(), Duration.ZERO, sinceRequest, Optional.empty(), OptionalLong.empty(),
                Optional.empty(), false, Optional.of(reason));
    }

    /** Exited by itself with status 0. */
    public boolean succeeded() {
        return termination == Termination.EXITED && exitCode == 0;
    }
}
