package dev.symbiont.audit.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symbiont.audit.fixtures.NaiveMerkle;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Ed25519Test {

    // RFC 8032 section 7.1, TEST 1
    static final byte[] SECRET = hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    static final byte[] PUBLIC = hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    static final byte[] SIGNATURE_OF_EMPTY = hex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
            + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");

    @Test
    void signsAndVerifiesTheRfc8032Vector() {
        RawKeySigner signer = new RawKeySigner(SECRET);

        assertThat(signer.publicKey()).isEqualTo(PUBLIC);
        assertThat(signer.sign(new byte[0])).isEqualTo(SIGNATURE_OF_EMPTY);
        assertThat(Ed25519.verify(PUBLIC, new byte[0], SIGNATURE_OF_EMPTY)).isTrue();
    }

    @Test
    void keyIdIsTheHexOfTheFirstEightBytesOfTheKeysHash() {
        String expected = HexFormat.of().formatHex(NaiveMerkle.sha256(PUBLIC), 0, 8);

        assertThat(Ed25519.keyId(PUBLIC)).isEqualTo(expected).isEqualTo("21fe31dfa154a261");
        assertThat(new RawKeySigner(SECRET).keyId()).isEqualTo(expected);
    }

    @Test
    void signaturesVerifyUnderTheJdksIndependentImplementation() throws GeneralSecurityException {
        RawKeySigner signer = RawKeySigner.generate(new SecureRandom());
        byte[] message = "symbiont".getBytes(StandardCharsets.UTF_8);
        PublicKey jdkKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                concat(hex("302a300506032b6570032100"), signer.publicKey())));
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(jdkKey);
        jdk.update(message);

        assertThat(jdk.verify(signer.sign(message))).isTrue();
    }

    @Test
    void rejectsAlteredMessagesSignaturesAndMalformedInput() {
        byte[] tampered = SIGNATURE_OF_EMPTY.clone();
        tampered[10] ^= 1;

        assertThat(Ed25519.verify(PUBLIC, new byte[] {0}, SIGNATURE_OF_EMPTY)).isFalse();
        assertThat(Ed25519.verify(PUBLIC, new byte[0], tampered)).isFalse();
        assertThat(Ed25519.verify(PUBLIC, new byte[0], new byte[63])).isFalse();
        assertThat(Ed25519.verify(new byte[31], new byte[0], SIGNATURE_OF_EMPTY)).isFalse();
        assertThat(Ed25519.verify(PUBLIC, new byte[0], null)).isFalse();
    }

    @Test
    void privateKeysMustBeThirtyTwoBytes() {
        assertThatThrownBy(() -> new RawKeySigner(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void derivesThePublicKeyOfAGeneratedPrivateKey() {
        byte[] privateKey = Ed25519.generatePrivateKey(new SecureRandom());

        assertThat(Ed25519.publicKeyOf(privateKey)).isEqualTo(new RawKeySigner(privateKey).publicKey());
        assertThat(Ed25519.publicKeyOf(SECRET)).isEqualTo(PUBLIC);
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
