package dev.symbiont.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretHasherTest {

    private final SecretHasher hasher = new SecretHasher(1024, 1, 1);

    @Test
    void hashIsAPhcStringWithItsParameters() {
        assertThat(hasher.hash("secret")).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
    }

    @Test
    void matchesTheSecretItHashedAndNothingElse() {
        String phc = hasher.hash("correct horse");

        assertThat(hasher.matches("correct horse", phc)).isTrue();
        assertThat(hasher.matches("correct horse!", phc)).isFalse();
    }

    @Test
    void sameSecretHashesDifferentlyEachTime() {
        assertThat(hasher.hash("s")).isNotEqualTo(hasher.hash("s"));
    }

    @Test
    void verifiesWithTheParametersStoredInTheHashNotTheCurrentOnes() {
        String oldHash = new SecretHasher(2048, 2, 1).hash("s");

        assertThat(hasher.matches("s", oldHash)).isTrue();
    }

    @Test
    void malformedStoredHashesNeverMatch() {
        assertThat(hasher.matches("s", "")).isFalse();
        assertThat(hasher.matches("s", "$argon2i$v=19$m=1024,t=1,p=1$AAAA$AAAA")).isFalse();
        assertThat(hasher.matches("s", "$argon2id$v=19$m=x,t=1,p=1$AAAA$AAAA")).isFalse();
        assertThat(hasher.matches("s", "$argon2id$v=19$m=1024,t=1,p=1$!!$AAAA")).isFalse();
    }

    @Test
    void owaspDefaultUsesNineteenMebibytesAndTwoPasses() {
        assertThat(SecretHasher.owaspDefault().hash("s")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }
}
