package dev.symbiont.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SandboxModelTest {

    @Test
    void aTimeoutWinsOverAMemoryKill() {
        assertThat(Termination.of(false, true, true)).isEqualTo(Termination.TIMED_OUT);
        assertThat(Termination.of(false, false, true)).isEqualTo(Termination.OOM_KILLED);
        assertThat(Termination.of(false, false, false)).isEqualTo(Termination.EXITED);
    }

    @Test
    void aStopWinsOverATimeoutAndAMemoryKill() {
        assertThat(Termination.of(true, true, true)).isEqualTo(Termination.STOPPED);
        assertThat(Termination.of(true, false, true)).isEqualTo(Termination.STOPPED);
        assertThat(Termination.of(true, false, false)).isEqualTo(Termination.STOPPED);
    }

    @Test
    void aStopReasonGoesWithAStoppedRunOnly() {
        ExecutionResult stopped = ExecutionResult.stoppedBeforeStart(UUID.randomUUID(), SecurityTier.TIER1,
                "cancelled", Duration.ofMillis(3));

        assertThat(stopped.termination()).isEqualTo(Termination.STOPPED);
        assertThat(stopped.stopReason()).contains("cancelled");
        assertThat(stopped.succeeded()).isFalse();
        assertThatThrownBy(() -> new ExecutionResult(stopped.executionId(), stopped.tier(), Termination.EXITED, 0,
                stopped.stdout(), stopped.stderr(), stopped.duration(), stopped.startup(), stopped.firstOutput(),
                stopped.peakMemoryBytes(), stopped.cpuTime(), false, Optional.of("cancelled")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void capturedOutputIsTruncatedWhenMoreWasWrittenThanKept() {
        assertThat(new CapturedOutput(new byte[4], 4).truncated()).isFalse();
        assertThat(new CapturedOutput(new byte[4], 5).truncated()).isTrue();
    }

    @Test
    void limitsBelowWhatDockerAcceptsAreRejected() {
        SandboxLimits limits = SandboxLimits.modest(Duration.ofSeconds(1));

        assertThatThrownBy(() -> limits.withMemoryBytes(1 << 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limits.withTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limits.withMaxProcesses(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void environmentNamesMustBeUsable() {
        ExecutionRequest request = ExecutionRequest.of(UUID.randomUUID(), "image",
                SandboxLimits.modest(Duration.ofSeconds(1)), "true");

        assertThatThrownBy(() -> request.withEnvironment(Map.of("A=B", "c")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRequestKeepsItsOwnCopyOfTheInput() {
        byte[] input = {1, 2, 3};
        ExecutionRequest request = ExecutionRequest.of(UUID.randomUUID(), "image",
                SandboxLimits.modest(Duration.ofSeconds(1)), "cat").withStdin(input);

        input[0] = 9;

        assertThat(request.stdin()).containsExactly(1, 2, 3);
    }
}
