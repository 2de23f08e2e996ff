package dev.symbiont.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symbiont.sandbox.SandboxLimits;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which requests a warm container serves: the same image and the same limits fixed at container creation. */
class WarmKeyTest {

    private static final SandboxLimits LIMITS = SandboxLimits.modest(Duration.ofSeconds(30));

    @Test
    void timeoutAndOutputCapDoNotSeparateKeys() {
        assertThat(new WarmKey("img", LIMITS.withTimeout(Duration.ofMinutes(5)).withOutputCapBytes(7)))
                .isEqualTo(new WarmKey("img", LIMITS));
    }

    @Test
    void everyLimitFixedAtCreationSeparatesKeys() {
        assertThat(List.of(LIMITS.withMemoryBytes(64L << 20), LIMITS.withCpus(1), LIMITS.withMaxProcesses(8),
                LIMITS.withScratchBytes(1L << 20), LIMITS.withDiskBytesPerSecond(1, 0),
                LIMITS.withDiskBytesPerSecond(0, 1)))
                .allSatisfy(other -> assertThat(new WarmKey("img", other)).isNotEqualTo(new WarmKey("img", LIMITS)));
        assertThat(new WarmKey("other", LIMITS)).isNotEqualTo(new WarmKey("img", LIMITS));
    }

    @Test
    void aPoolNeedsRoomAndAnIdleCommand() {
        assertThat(WarmPoolSettings.of(2, 3).idleCommand()).containsExactly("sleep", "2147483647");
        assertThatThrownBy(() -> WarmPoolSettings.of(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WarmPoolSettings(1, 1, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
