package dev.symbiont.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgentCursorTest {

    @Test
    void decodesWhatItEncodes() {
        var cursor = new AgentCursor(Instant.parse("2026-11-24T10:15:30.123456Z"), UUID.randomUUID());

        assertThat(AgentCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!!", "bm90LWEtY3Vyc29y", "MTox", "YTpiOmM"})
    void rejectsTokensItDidNotProduce(String token) {
        assertThatThrownBy(() -> AgentCursor.decode(token)).isInstanceOf(AgentCursor.InvalidCursorException.class);
    }
}
