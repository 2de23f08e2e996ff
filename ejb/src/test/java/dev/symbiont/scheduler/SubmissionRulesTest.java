package dev.symbiont.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symbiont.agent.ResourceLimits;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** How a submission's resource request is resolved against its agent, and how a stop's outcome is chosen. */
class SubmissionRulesTest {

    private static final ResourceLimits AGENT = new ResourceLimits(256, 0.5, 20, 5, Duration.ofMinutes(2));

    @Test
    void anOmittedPartIsTheAgentsLimit() {
        ResourceRequest request = new ResourceOverrides(Optional.of(64), Optional.empty(), Optional.empty(),
                Optional.of(0), Optional.of(Duration.ofSeconds(10))).resolve(AGENT);

        assertThat(request).isEqualTo(new ResourceRequest(64, 0.5, 20, 0, Duration.ofSeconds(10)));
        assertThat(request.within(AGENT)).isTrue();
        assertThat(ResourceOverrides.NONE.resolve(AGENT)).isEqualTo(ResourceRequest.of(AGENT));
    }

    @Test
    void everyPartAboveTheAgentsLimitIsNamed() {
        ResourceRequest request = new ResourceOverrides(Optional.of(512), Optional.of(1.0), Optional.empty(),
                Optional.of(6), Optional.of(Duration.ofMinutes(3))).resolve(AGENT);

        assertThat(request.within(AGENT)).isFalse();
        assertThat(request.excessOver(AGENT)).isEqualTo("memory_mb 512 > 256; cpu_cores 1.0 > 0.5; "
                + "network_io_mbps 6 > 5; timeout PT3M > PT2M");
        assertThat(ResourceRequest.of(AGENT).excessOver(AGENT)).isEmpty();
    }

    @Test
    void aSubmissionDefaultsToNormalPriorityAndCopiesItsInput() {
        byte[] input = {1, 2, 3};
        TaskSubmission submission = new TaskSubmission(null, null, input, Optional.empty(), OptionalInt.empty());
        input[0] = 9;

        assertThat(submission.priority()).isEqualTo(TaskPriority.NORMAL);
        assertThat(submission.resources()).isEqualTo(ResourceOverrides.NONE);
        assertThat(submission.input()).containsExactly(1, 2, 3);
        assertThat(submission.inputSize()).isEqualTo(3);
    }

    @Test
    void priorityLabelsAreCaseInsensitiveAndUnknownOnesRefused() {
        assertThat(TaskPriority.of("Critical")).isEqualTo(TaskPriority.CRITICAL);
        assertThat(TaskPriority.CRITICAL.isAbove(TaskPriority.HIGH)).isTrue();
        assertThatThrownBy(() -> TaskPriority.of("urgent")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("low, normal, high, critical");
    }

    @Test
    void aCancelOverridesAPreemptionButNotTheOtherWayRound() {
        var task = new WaitingTask(java.util.UUID.randomUUID(), java.util.UUID.randomUUID(), TaskPriority.LOW,
                ResourceRequest.of(AGENT), java.time.Instant.EPOCH, 1);
        TaskRun preemptedFirst = new TaskRun(task);
        assertThat(preemptedFirst.requestStop(StopRequest.preempt("critical task x"))).isTrue();
        assertThat(preemptedFirst.requestStop(StopRequest.cancel("apikey:ops(k1)"))).isTrue();
        assertThat(preemptedFirst.stop.outcome()).isEqualTo(TaskState.CANCELLED);

        TaskRun cancelledFirst = new TaskRun(task);
        assertThat(cancelledFirst.requestStop(StopRequest.cancel("apikey:ops(k1)"))).isTrue();
        assertThat(cancelledFirst.requestStop(StopRequest.preempt("critical task x"))).isFalse();
        assertThat(cancelledFirst.stop.outcome()).isEqualTo(TaskState.CANCELLED);
        assertThat(cancelledFirst.stop.reason()).isEqualTo("cancelled by apikey:ops(k1)");
    }
}
