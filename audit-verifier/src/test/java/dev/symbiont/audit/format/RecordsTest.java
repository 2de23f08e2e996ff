package dev.symbiont.audit.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symbiont.audit.fixtures.ChainFixture;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The value records: equality by content (arrays included), readable toString, invariants. */
class RecordsTest {

    final ChainedEvent event = ChainFixture.of(3).events.get(2);

    @Test
    void eventsWithEqualContentAreEqual() {
        ChainedEvent copy = new ChainedEvent(event.seq(), event.eventId(), event.occurredAt(), event.agentId(),
                event.eventType(), event.actor(), event.decision(), event.details(), event.prevHash().clone(),
                event.chainHash().clone());

        assertThat(copy).isEqualTo(event).hasSameHashCodeAs(event);
        assertThat(copy.toString()).contains("chainHash=" + Hashes.hex(event.chainHash()));
    }

    @Test
    void appendComputesAChainHashThatRecomputes() {
        ChainedEvent next = ChainedEvent.append(3, UUID.randomUUID(), Instant.parse("2026-11-24T10:00:00Z"), null,
                "agent.stopped", null, null, "{}", event.chainHash());

        assertThat(next.recomputeChainHash()).isEqualTo(next.chainHash());
        assertThat(next.prevHash()).isEqualTo(event.chainHash());
    }

    @Test
    void eventsRefuseMalformedHashesAndNanosecondTimes() {
        assertThatThrownBy(() -> new ChainedEvent(0, UUID.randomUUID(), Instant.EPOCH, null, "t", null, null, "{}",
                new byte[31], new byte[32])).hasMessageContaining("prev_hash must be 32 bytes");
        assertThatThrownBy(() -> ChainedEvent.append(0, UUID.randomUUID(), Instant.EPOCH.plusNanos(1), null, "t",
                null, null, "{}", AuditEncoding.genesis())).hasMessageContaining("finer than a microsecond");
    }

    @Test
    void sealsAndCheckpointsCompareTheirArraysByContent() {
        Seal seal = ChainFixture.of(3).seals.get(0);
        Seal copy = new Seal(seal.firstSeq(), seal.lastSeq(), seal.chainHash().clone(), seal.sealedAt(), seal.keyId(),
                seal.signature().clone());
        Checkpoint checkpoint = ChainFixture.of(3).lastCheckpoint();

        assertThat(copy).isEqualTo(seal).hasSameHashCodeAs(seal);
        assertThat(seal.range()).isEqualTo("[0..0]");
        assertThat(checkpoint.toString()).contains(Hashes.hex(checkpoint.rootHash()));
    }

    @Test
    void aSealCoversARangeOfSeqs() {
        assertThatThrownBy(() -> new Seal(5, 4, new byte[32], Instant.EPOCH, "k", new byte[64]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyIsValidFromItsStartUntilJustBeforeItsEnd() {
        ChainFixture fixture = ChainFixture.of(1);
        PublishedKey key = PublishedKey.of(fixture.signer.publicKey(), ChainFixture.T0,
                ChainFixture.T0.plusSeconds(60));

        assertThat(key.validAt(ChainFixture.T0)).isTrue();
        assertThat(key.validAt(ChainFixture.T0.plusSeconds(59))).isTrue();
        assertThat(key.validAt(ChainFixture.T0.plusSeconds(60))).isFalse();
        assertThat(key.validAt(ChainFixture.T0.minusSeconds(1))).isFalse();
        assertThat(fixture.key.validAt(Instant.MAX)).isTrue();
    }
}
