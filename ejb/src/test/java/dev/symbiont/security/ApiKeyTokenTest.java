package dev.symbiont.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyTokenTest {

    @Test
    void generatedTokensParseBackToThemselves() {
        ApiKeyToken token = ApiKeyToken.generate();

        assertThat(ApiKeyToken.parse(token.reveal())).contains(token);
        assertThat(token.reveal()).matches("sym_[a-z2-7]{12}_[A-Za-z0-9_-]{43}");
    }

    @Test
    void twoGeneratedTokensDiffer() {
        assertThat(ApiKeyToken.generate()).isNotEqualTo(ApiKeyToken.generate());
    }

    @Test
    void toStringNeverShowsTheSecret() {
        ApiKeyToken token = ApiKeyToken.generate();

        assertThat(token.toString()).doesNotContain(token.secret()).endsWith("_***");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"sym_abc_def", "Bearer sym_aaaaaaaaaaaa_" + "x", "sym_AAAAAAAAAAAA_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "sym_aaaaaaaaaaaa_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa+", "key_aaaaaaaaaaaa_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void malformedTokensAreRejectedWithoutLookup(String text) {
        assertThat(ApiKeyToken.parse(text)).isEmpty();
    }
}
