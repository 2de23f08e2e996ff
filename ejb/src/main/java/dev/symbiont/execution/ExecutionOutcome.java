package dev.symbiont.execution;

import dev.symbiont.sandbox.CapturedOutput;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/** What a process that ran left behind: see {@link dev.symbiont.sandbox.ExecutionResult}. */
public record ExecutionOutcome(int exitCode, boolean warm, CapturedOutput stdout, CapturedOutput stderr,
                               Duration duration, Duration startup, Optional<Duration> firstOutput,
                               OptionalLong peakMemoryBytes, Optional<Duration> cpuTime) {
}
