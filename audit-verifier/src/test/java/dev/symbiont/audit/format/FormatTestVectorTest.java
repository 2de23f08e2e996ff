package dev.symbiont.audit.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.audit.fixtures.NaiveMerkle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The "Test vector" section of FORMAT.md: every value it quotes is rebuilt here by hand (ByteBuffer, MessageDigest,
 * the JDK's Ed25519) and by the production code, and must appear in the document as written.
 */
class FormatTestVectorTest {

    static final HexFormat HEX = HexFormat.of();
    static final RawKeySigner RFC8032_TEST_1 = new RawKeySigner(
            HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    static final Instant OCCURRED_1 = Instant.parse("2026-11-24T10:00:01Z");
    static final Instant SEALED_AT = Instant.parse("2026-11-24T10:00:01.000001Z");
    static final Instant CHECKPOINT_AT = Instant.parse("2026-11-24T10:00:02Z");

    static String document;

    @BeforeAll
    static void readFormatMd() throws IOException {
        // hex is wrapped over several lines there: compare without whitespace
        document = Files.readString(Path.of("FORMAT.md")).replaceAll("\\s+", "");
    }

    static ChainedEvent event1() {
        return ChainedEvent.append(1, UUID.fromString("0192f3a4-5b6c-7d8e-9f01-23456789abce"), OCCURRED_1, null,
                "policy.decision", "operator-key", "deny", "{}", AuditEncodingTest.event0().chainHash());
    }

    @Test
    void keyIdOfTheRfcKey() {
        assertThat(documented(HEX.formatHex(NaiveMerkle.sha256(RFC8032_TEST_1.publicKey()), 0, 8)))
                .isEqualTo(RFC8032_TEST_1.keyId());
    }

    @Test
    void entriesAndChainHashes() {
        byte[] entry0 = AuditEncoding.eventEntry(AuditEncodingTest.event0());
        byte[] entry1 = new FormatBytes()
                .str("symbiont.audit.event.v1").u64(1).u64(0x0192f3a45b6c7d8eL).u64(0x9f0123456789abceL)
                .u64(OCCURRED_1.getEpochSecond() * 1_000_000).u32(0xFFFFFFFF).str("policy.decision")
                .str("operator-key").str("deny").str("{}")
                .toArray();
        byte[] chain0 = NaiveMerkle.sha256(new byte[32], entry0);
        byte[] chain1 = NaiveMerkle.sha256(chain0, entry1);

        assertThat(documented(HEX.formatHex(entry0))).isNotNull();
        assertThat(documented(HEX.formatHex(entry1))).isEqualTo(HEX.formatHex(AuditEncoding.eventEntry(event1())));
        assertThat(documented(HEX.formatHex(chain0)))
                .isEqualTo(HEX.formatHex(AuditEncodingTest.event0().chainHash()));
        assertThat(documented(HEX.formatHex(chain1))).isEqualTo(HEX.formatHex(event1().chainHash()));
    }

    @Test
    void sealStatementAndSignature() throws GeneralSecurityException {
        byte[] chain1 = event1().chainHash();
        byte[] statement = new FormatBytes()
                .str("symbiont.audit.seal.v1").u64(0).u64(1).raw(chain1)
                .u64(SEALED_AT.getEpochSecond() * 1_000_000 + 1).str(RFC8032_TEST_1.keyId())
                .toArray();
        Seal seal = Seal.sign(0, 1, chain1, SEALED_AT, RFC8032_TEST_1);

        assertThat(documented(HEX.formatHex(statement))).isEqualTo(HEX.formatHex(seal.statement()));
        assertThat(documented(HEX.formatHex(seal.signature()))).isNotNull();
        assertThat(jdkVerifies(statement, seal.signature())).isTrue();
    }

    @Test
    void merkleRootAndCheckpoint() throws GeneralSecurityException {
        byte[] leaf0 = NaiveMerkle.leafHash(AuditEncodingTest.event0().chainHash());
        byte[] leaf1 = NaiveMerkle.leafHash(event1().chainHash());
        byte[] root = NaiveMerkle.nodeHash(leaf0, leaf1);
        byte[] statement = new FormatBytes()
                .str("symbiont.audit.checkpoint.v1").u64(2).raw(root)
                .u64(CHECKPOINT_AT.getEpochSecond() * 1_000_000).str(RFC8032_TEST_1.keyId())
                .toArray();
        Checkpoint checkpoint = Checkpoint.sign(2, root, CHECKPOINT_AT, RFC8032_TEST_1);
        MerkleFrontier frontier = new MerkleFrontier();
        frontier.appendChainHash(AuditEncodingTest.event0().chainHash());
        frontier.appendChainHash(event1().chainHash());

        assertThat(documented(HEX.formatHex(leaf0))).isNotNull();
        assertThat(documented(HEX.formatHex(leaf1))).isNotNull();
        assertThat(documented(HEX.formatHex(root))).isEqualTo(HEX.formatHex(frontier.root()));
        assertThat(documented(HEX.formatHex(statement))).isEqualTo(HEX.formatHex(checkpoint.statement()));
        assertThat(documented(HEX.formatHex(checkpoint.signature()))).isNotNull();
        assertThat(jdkVerifies(statement, checkpoint.signature())).isTrue();
    }

    /** The value, once FORMAT.md is known to quote it. */
    static String documented(String hex) {
        assertThat(document).as("FORMAT.md quotes %s", hex).contains(hex);
        return hex;
    }

    static boolean jdkVerifies(byte[] message, byte[] signature) throws GeneralSecurityException {
        byte[] spki = HEX.parseHex("302a300506032b6570032100" + HEX.formatHex(RFC8032_TEST_1.publicKey()));
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
        jdk.update(message);
        return jdk.verify(signature);
    }
}
