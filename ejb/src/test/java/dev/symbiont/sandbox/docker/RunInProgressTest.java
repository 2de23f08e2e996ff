package dev.symbiont.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.sandbox.ExecutionRequest;
import dev.symbiont.sandbox.ExecutionResult;
import dev.symbiont.sandbox.SandboxLimits;
import dev.symbiont.sandbox.SecurityTier;
import dev.symbiont.sandbox.Termination;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a stop and a run's own end are told apart: whichever the run's settling sees first, decided once. */
class RunInProgressTest {

    private final RunInProgress run = new RunInProgress();

    @Test
    void aStopAcceptedBeforeTheRunSawItsEndWinsOverAnExit() {
        assertThat(run.requestStop("preempted")).isTrue();

        ProcessEnd end = run.settle(false);

        assertThat(end.termination(false)).isEqualTo(Termination.STOPPED);
        assertThat(end.stopReason()).contains("preempted");
        assertThat(end.killedByUs()).as("its 137 is no memory kill").isTrue();
    }

    @Test
    void aStopAcceptedBeforeTheRunSawItsDeadlineWinsOverTheTimeoutAndAMemoryKill() {
        run.requestStop("cancelled");

        assertThat(run.settle(true).termination(true)).isEqualTo(Termination.STOPPED);
    }

    @Test
    void aStopAfterTheRunSawItsEndIsRefusedAndChangesNothing() {
        ProcessEnd end = run.settle(false);

        assertThat(run.requestStop("too late")).isFalse();
        assertThat(end.termination(false)).isEqualTo(Termination.EXITED);
        assertThat(run.stopRequested()).isNotDone();
    }

    @Test
    void aSecondStopIsAcceptedAndTheFirstReasonKept() {
        run.requestStop("first");

        assertThat(run.requestStop("second")).isTrue();
        assertThat(run.settle(false).stopReason()).contains("first");
    }

    @Test
    void aStopWakesTheRunWaitingForTheProcess() {
        var waiting = run.stopRequested();

        run.requestStop("preempted");

        assertThat(waiting).isCompletedWithValue("preempted");
    }

    @Test
    void aStopBeforeTheProcessStartedGivesAResultOfNothingRun() {
        ExecutionRequest request = ExecutionRequest.of(UUID.randomUUID(), "image",
                SandboxLimits.modest(Duration.ofSeconds(5)), "true");
        assertThat(run.stoppedBeforeStart(request, SecurityTier.TIER2, System.nanoTime())).isEmpty();

        run.requestStop("cancelled");
        ExecutionResult result = run.stoppedBeforeStart(request, SecurityTier.TIER2, System.nanoTime())
                .orElseThrow();

        assertThat(result.termination()).isEqualTo(Termination.STOPPED);
        assertThat(result.stopReason()).contains("cancelled");
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.stdout().totalBytes()).isZero();
        assertThat(result.duration()).isZero();
        assertThat(result.executionId()).isEqualTo(request.executionId());
    }
}
