package dev.symbiont.audit.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symbiont.audit.fixtures.NaiveMerkle;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The encodings of FORMAT.md, checked against bytes built by hand. */
class AuditEncodingTest {

    static final UUID EVENT_0 = UUID.fromString("0192f3a4-5b6c-7d8e-9f01-23456789abcd");
    static final Instant OCCURRED_0 = Instant.parse("2026-11-24T10:00:00.123456Z");
    static final String DETAILS_0 = "{\"name\":\"réviseur\",\"tier\":\"gvisor\"}";

    static ChainedEvent event0() {
        return ChainedEvent.append(0, EVENT_0, OCCURRED_0, UUID.fromString("0192f3a4-0000-7000-8000-000000000001"),
                "agent.created", "admin", null, DETAILS_0, AuditEncoding.genesis());
    }

    @Test
    void eventEntryIsTheSpecifiedBytes() {
        byte[] expected = new FormatBytes()
                .str("symbiont.audit.event.v1")
                .u64(0)
                .u64(0x0192f3a45b6c7d8eL).u64(0x9f0123456789abcdL)
                .u64(OCCURRED_0.getEpochSecond() * 1_000_000 + 123_456)
                .str("0192f3a4-0000-7000-8000-000000000001")
                .str("agent.created")
                .str("admin")
                .u32(0xFFFFFFFF)
                .str(DETAILS_0)
                .toArray();

        assertThat(AuditEncoding.eventEntry(event0())).isEqualTo(expected);
    }

    @Test
    void chainHashIsTheHashOfPrevHashAndEntry() {
        ChainedEvent event = event0();

        assertThat(event.chainHash())
                .isEqualTo(NaiveMerkle.sha256(new byte[32], AuditEncoding.eventEntry(event)))
                .isEqualTo(event.recomputeChainHash());
    }

    @Test
    void absentAndEmptyOptionalsEncodeDifferently() {
        ChainedEvent absent = ChainedEvent.append(0, EVENT_0, OCCURRED_0, null, "t", null, null, "{}",
                AuditEncoding.genesis());
        ChainedEvent empty = ChainedEvent.append(0, EVENT_0, OCCURRED_0, null, "t", "", null, "{}",
                AuditEncoding.genesis());

        assertThat(empty.chainHash()).isNotEqualTo(absent.chainHash());
    }

    @Test
    void sealStatementIsTheSpecifiedBytes() {
        byte[] hash = NaiveMerkle.chainHashOf(7);
        Instant sealedAt = Instant.parse("2026-11-24T10:00:01.000001Z");
        Seal seal = new Seal(512, 1023, hash, sealedAt, "3f9a0c1d2e4b5a69", new byte[64]);

        assertThat(AuditEncoding.sealStatement(seal)).isEqualTo(new FormatBytes()
                .str("symbiont.audit.seal.v1").u64(512).u64(1023).raw(hash)
                .u64(sealedAt.getEpochSecond() * 1_000_000 + 1).str("3f9a0c1d2e4b5a69").toArray());
    }

    @Test
    void checkpointStatementIsTheSpecifiedBytes() {
        byte[] root = NaiveMerkle.chainHashOf(9);
        Instant createdAt = Instant.parse("2026-11-24T10:00:02Z");
        Checkpoint checkpoint = new Checkpoint(1000, root, createdAt, "3f9a0c1d2e4b5a69", new byte[64]);

        assertThat(AuditEncoding.checkpointStatement(checkpoint)).isEqualTo(new FormatBytes()
                .str("symbiont.audit.checkpoint.v1").u64(1000).raw(root)
                .u64(createdAt.getEpochSecond() * 1_000_000).str("3f9a0c1d2e4b5a69").toArray());
    }

    @Test
    void manifestStatementListsFilesInOrder() {
        byte[] a = NaiveMerkle.chainHashOf(1);
        byte[] b = NaiveMerkle.chainHashOf(2);
        Instant createdAt = Instant.parse("2026-11-24T10:00:00.123456Z");
        Manifest manifest = new Manifest(Manifest.FORMAT, "audit bundle seq 0..999", createdAt, "k1",
                List.of(new ManifestFile("events.jsonl", 123_456, a), new ManifestFile("seals.jsonl", 7, b)),
                new byte[64]);

        assertThat(AuditEncoding.manifestStatement(manifest)).isEqualTo(new FormatBytes()
                .str("symbiont.audit.manifest.v1").str("audit bundle seq 0..999")
                .u64(createdAt.getEpochSecond() * 1_000_000 + 123_456).str("k1").u32(2)
                .str("events.jsonl").u64(123_456).raw(a)
                .str("seals.jsonl").u64(7).raw(b)
                .toArray());
    }

    @Test
    void microsRejectsInstantsFinerThanAMicrosecond() {
        assertThatThrownBy(() -> AuditEncoding.micros(Instant.parse("2026-11-24T10:00:00.123456789Z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finer than a microsecond");
    }

    @Test
    void microsRoundTripBeforeAndAfterTheEpoch() {
        for (String text : List.of("1969-12-31T23:59:59.999999Z", "1970-01-01T00:00:00Z", "2026-11-24T10:00:00.5Z",
                "1900-01-01T00:00:00.000001Z")) {
            Instant instant = Instant.parse(text);
            assertThat(AuditEncoding.fromMicros(AuditEncoding.micros(instant))).isEqualTo(instant);
        }
        assertThat(AuditEncoding.micros(Instant.parse("1969-12-31T23:59:59.999999Z"))).isEqualTo(-1);
    }

    @Test
    void stringsAreEncodedExactlyAsTheJdkEncodesUtf8() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            char[] chars = new char[random.nextInt(40)];
            for (int j = 0; j < chars.length; j++) {
                // weighted towards the interesting ranges: ASCII, 2- and 3-byte, surrogates (paired or not)
                chars[j] = switch (random.nextInt(4)) {
                    case 0 -> (char) random.nextInt(0x80);
                    case 1 -> (char) (0x80 + random.nextInt(0x780));
                    case 2 -> (char) (0xD800 + random.nextInt(0x800));
                    default -> (char) random.nextInt(0x10000);
                };
            }
            String s = new String(chars);
            ChainedEvent event = ChainedEvent.append(0, EVENT_0, OCCURRED_0, null, "t", null, null, s,
                    AuditEncoding.genesis());
            byte[] entry = AuditEncoding.eventEntry(event);
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            ByteBuffer tail = ByteBuffer.wrap(entry, entry.length - utf8.length - 4, utf8.length + 4);

            assertThat(tail.getInt()).isEqualTo(utf8.length);
            assertThat(Arrays.copyOfRange(entry, entry.length - utf8.length, entry.length))
                    .isEqualTo(utf8);
        }
    }

    @Test
    void genesisIsThirtyTwoZeroBytesAndAFreshCopy() {
        byte[] genesis = AuditEncoding.genesis();
        genesis[0] = 1;

        assertThat(AuditEncoding.genesis()).isEqualTo(new byte[32]);
    }
}
