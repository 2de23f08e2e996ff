package dev.symbiont.audit.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symbiont.audit.fixtures.ChainFixture;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeySetTest {

    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-07-01T00:00:00Z");
    static final byte[] STATEMENT = "statement".getBytes(StandardCharsets.UTF_8);

    final RawKeySigner signer = ChainFixture.signerFrom("key set test");
    final KeySet keys = KeySet.of(PublishedKey.of(signer.publicKey(), FROM, TO));

    @Test
    void acceptsASignatureMadeWithinTheKeysWindow() {
        assertThat(keys.check(signer.keyId(), FROM, STATEMENT, signer.sign(STATEMENT))).isEqualTo(SignatureCheck.OK);
    }

    @Test
    void rejectsAnUnknownKey() {
        RawKeySigner other = ChainFixture.signerFrom("unpublished");

        assertThat(keys.check(other.keyId(), FROM, STATEMENT, other.sign(STATEMENT)))
                .isEqualTo(SignatureCheck.UNKNOWN_KEY);
    }

    @Test
    void rejectsSignaturesBeforeValidFromAndFromValidToOn() {
        byte[] signature = signer.sign(STATEMENT);

        assertThat(keys.check(signer.keyId(), FROM.minusNanos(1000), STATEMENT, signature))
                .isEqualTo(SignatureCheck.KEY_NOT_VALID_AT_TIME);
        assertThat(keys.check(signer.keyId(), TO, STATEMENT, signature))
                .isEqualTo(SignatureCheck.KEY_NOT_VALID_AT_TIME);
        assertThat(keys.check(signer.keyId(), TO.minusNanos(1000), STATEMENT, signature))
                .isEqualTo(SignatureCheck.OK);
    }

    @Test
    void rejectsASignatureOverOtherBytes() {
        assertThat(keys.check(signer.keyId(), FROM, "other".getBytes(StandardCharsets.UTF_8), signer.sign(STATEMENT)))
                .isEqualTo(SignatureCheck.BAD_SIGNATURE);
    }

    @Test
    void explainsAKeyOutsideItsWindow() {
        assertThat(keys.explain(SignatureCheck.KEY_NOT_VALID_AT_TIME, signer.keyId(), TO))
                .contains(signer.keyId(), TO.toString(), "from " + FROM + " until " + TO);
    }

    @Test
    void refusesAKeyListedTwice() {
        PublishedKey key = PublishedKey.of(signer.publicKey(), FROM, null);

        assertThatThrownBy(() -> KeySet.of(key, key)).hasMessageContaining("listed twice");
    }

    @Test
    void refusesAKeyIdThatIsNotDerivedFromTheKey() {
        assertThatThrownBy(() -> new PublishedKey("0000000000000000", signer.publicKey(), FROM, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void findsKeysById() {
        assertThat(keys.find(signer.keyId())).map(PublishedKey::validTo).contains(TO);
        assertThat(keys.find("nope")).isEmpty();
    }
}
