package dev.symbiont.sandbox.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedImagesTest {

    @Test
    void onlyImagesUnderAConfiguredPrefixAreTrusted() {
        var trusted = new TrustedImages(List.of("registry.example.com/vetted/", " "));

        assertThat(trusted.trustOf("registry.example.com/vetted/summarizer:1")).isEqualTo(CodeTrust.TRUSTED);
        assertThat(trusted.trustOf("registry.example.com/other/summarizer:1")).isEqualTo(CodeTrust.UNTRUSTED);
        assertThat(new TrustedImages(null).trustOf("anything")).isEqualTo(CodeTrust.UNTRUSTED);
    }
}
