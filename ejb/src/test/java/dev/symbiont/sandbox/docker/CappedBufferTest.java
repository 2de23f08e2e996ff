package dev.symbiont.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.sandbox.CapturedOutput;
import org.junit.jupiter.api.Test;

class CappedBufferTest {

    @Test
    void keepsThePrefixUpToTheCapAndCountsEverything() {
        CappedBuffer buffer = new CappedBuffer(5);

        buffer.append("abc".getBytes());
        buffer.append("defg".getBytes());
        buffer.append("hij".getBytes());

        CapturedOutput captured = buffer.captured();
        assertThat(captured.text()).isEqualTo("abcde");
        assertThat(captured.totalBytes()).isEqualTo(10);
        assertThat(captured.truncated()).isTrue();
    }

    @Test
    void aZeroCapKeepsNothingButStillCounts() {
        CappedBuffer buffer = new CappedBuffer(0);

        buffer.append("abc".getBytes());

        assertThat(buffer.captured().bytes()).isEmpty();
        assertThat(buffer.captured().totalBytes()).isEqualTo(3);
    }
}
