package dev.symbiont.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symbiont.agent.AgentNotRunnableException;
import dev.symbiont.agent.ResourceLimits;
import dev.symbiont.sandbox.SandboxLimits;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExecutionSettingsTest {

    private static ExecutionSettings settings() {
        var s = new ExecutionSettings();
        s.maxConcurrent = 4;
        s.maxInputBytes = 10;
        s.outputCapBytes = 4096;
        s.scratchMb = 64;
        s.maxProcesses = 128;
        return s;
    }

    @Test
    void anAgentsLimitsBecomeTheSandboxsWithDiskInMegabytesPerSecond() {
        SandboxLimits limits = settings().limitsFor(UUID.randomUUID(),
                new ResourceLimits(256, 1.5, 20, 5, Duration.ofMinutes(2)));

        assertThat(limits).isEqualTo(new SandboxLimits(256L << 20, 1.5, 128, 64L << 20, Duration.ofMinutes(2), 4096,
                20_000_000, 20_000_000));
    }

    @Test
    void scratchSpaceNeverExceedsMemoryAndTooLittleMemoryIsNotRunnable() {
        var settings = settings();
        assertThat(settings.limitsFor(UUID.randomUUID(), new ResourceLimits(32, 1, 1, 0, Duration.ofSeconds(1)))
                .scratchBytes()).isEqualTo(32L << 20);
        assertThatThrownBy(() -> settings.limitsFor(UUID.randomUUID(),
                new ResourceLimits(5, 1, 1, 0, Duration.ofSeconds(1))))
                .isInstanceOf(AgentNotRunnableException.class).hasMessageContaining("minimum of 6");
    }

    @Test
    void inputOverTheLimitIsRefused() {
        var settings = settings();
        settings.checkInput(new ExecutionInput(new byte[10], null));
        assertThatThrownBy(() -> settings.checkInput(new ExecutionInput(new byte[11], null)))
                .isInstanceOf(ExecutionInputTooLargeException.class).hasMessageContaining("at most 10");
    }
}
