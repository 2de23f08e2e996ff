package dev.symbiont.audit.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.symbiont.audit.fixtures.ChainFixture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    static final int SIZE = 3_000;
    final ChainFixture chain = ChainFixture.of(SIZE);

    @Test
    void aValidChainWithSealsOfVaryingSizesAndCheckpointsVerifies() {
        VerificationResult result = verify(chain.events, chain.seals, chain.checkpoints);

        assertThat(result.failures()).isEmpty();
        assertThat(result.valid()).isTrue();
        assertThat(result.eventsChecked()).isEqualTo(SIZE);
        assertThat(result.sealsChecked()).isEqualTo(chain.seals.size());
        assertThat(result.checkpointsChecked()).isEqualTo(3);
        assertThat(result.firstSeq()).isZero();
        assertThat(result.lastSeq()).isEqualTo(SIZE - 1);
    }

    @Test
    void anEditedEventIsOneChainHashMismatchAtItsSeq() {
        List<ChainedEvent> events = new ArrayList<>(chain.events);
        events.set(1234, withDetails(events.get(1234), "{\"n\":1234,\"note\":\"nothing to see\"}"));

        VerificationResult result = verify(events, chain.seals, chain.checkpoints);

        assertThat(result.valid()).isFalse();
        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.kind()).isEqualTo(Failure.Kind.CHAIN_HASH_MISMATCH);
            assertThat(failure.seq()).isEqualTo(1234);
            assertThat(failure.eventId()).isEqualTo(chain.events.get(1234).eventId());
            assertThat(failure.message()).contains("recomputes to", Hashes.prefix(chain.events.get(1234).chainHash()));
        });
    }

    @Test
    void aDeletedEventIsOneSequenceGapNamingTheMissingSeq() {
        List<ChainedEvent> events = new ArrayList<>(chain.events);
        events.remove(700);

        VerificationResult result = verify(events, chain.seals, chain.checkpoints);

        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.kind()).isEqualTo(Failure.Kind.SEQUENCE_GAP);
            assertThat(failure.seq()).isEqualTo(700);
            assertThat(failure.message()).contains("event seq 700 is missing", "seq 699 is followed by seq 701",
                    chain.events.get(701).eventId().toString());
        });
        assertThat(result.eventsChecked()).isEqualTo(SIZE - 1);
    }

    @Test
    void anEditAndADeletionAreBothFoundEachExactlyOnce() {
        List<ChainedEvent> events = new ArrayList<>(chain.events);
        events.set(2500, withDetails(events.get(2500), "{}"));
        events.remove(1500);

        VerificationResult result = verify(events, chain.seals, chain.checkpoints);

        assertThat(result.failures()).extracting(Failure::kind, Failure::seq).containsExactly(
                tuple(Failure.Kind.SEQUENCE_GAP, 1500L),
                tuple(Failure.Kind.CHAIN_HASH_MISMATCH, 2500L));
    }

    @Test
    void deletingTheLastEventOfASealIsStillOneGap() {
        Seal seal = chain.seals.get(4);
        List<ChainedEvent> events = new ArrayList<>(chain.events);
        events.remove((int) seal.lastSeq());

        VerificationResult result = verify(events, chain.seals, chain.checkpoints);

        assertThat(result.failures()).extracting(Failure::kind, Failure::seq)
                .containsExactly(tuple(Failure.Kind.SEQUENCE_GAP, seal.lastSeq()));
    }

    @Test
    void deletingEventsAtTheTailIsAGapTheLastSealReveals() {
        VerificationResult result = verify(chain.events.subList(0, SIZE - 2), chain.seals, chain.checkpoints);

        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.kind()).isEqualTo(Failure.Kind.SEQUENCE_GAP);
            assertThat(failure.seq()).isEqualTo(SIZE - 2);
            assertThat(failure.message()).contains("events seq 2998..2999 (2 events) are missing at the end");
        });
    }

    @Test
    void aTruncatedTailWithItsSealsRemovedIsFoundByTheCheckpointAtTheEndOfTheChain() {
        List<ChainedEvent> events = chain.events.subList(0, 2000);
        List<Seal> seals = chain.seals.stream().filter(s -> s.lastSeq() < 2000).toList();
        long sealedTo = seals.get(seals.size() - 1).lastSeq();

        VerificationResult result = ChainVerifier.forKeys(chain.keys()).toEndOfChain().build()
                .verify(events.subList(0, (int) sealedTo + 1).iterator(), seals.iterator(),
                        chain.checkpoints.iterator());

        assertThat(result.failures()).extracting(Failure::kind).containsExactly(Failure.Kind.SEQUENCE_GAP);
        assertThat(result.failures().get(0).message()).contains("checkpoint tree_size 3000");
    }

    @Test
    void anAlteredChainHashColumnIsOneFailure() {
        List<ChainedEvent> events = new ArrayList<>(chain.events);
        ChainedEvent e = events.get(42);
        byte[] forged = e.chainHash().clone();
        forged[0] ^= 1;
        events.set(42, new ChainedEvent(e.seq(), e.eventId(), e.occurredAt(), e.agentId(), e.eventType(), e.actor(),
                e.decision(), e.details(), e.prevHash(), forged));

        VerificationResult result = verify(events, chain.seals, List.of());

        assertThat(result.failures()).extracting(Failure::kind, Failure::seq)
                .containsExactly(tuple(Failure.Kind.CHAIN_HASH_MISMATCH, 42L));
    }

    @Test
    void anAlteredPrevHashColumnIsOnePrevHashMismatch() {
        List<ChainedEvent> events = new ArrayList<>(chain.events);
        ChainedEvent e = events.get(43);
        events.set(43, new ChainedEvent(e.seq(), e.eventId(), e.occurredAt(), e.agentId(), e.eventType(), e.actor(),
                e.decision(), e.details(), new byte[32], e.chainHash()));

        VerificationResult result = verify(events, chain.seals, chain.checkpoints);

        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.kind()).isEqualTo(Failure.Kind.PREV_HASH_MISMATCH);
            assertThat(failure.seq()).isEqualTo(43);
            assertThat(failure.message()).contains("prev_hash altered");
        });
    }

    @Test
    void aForgedSealSignatureIsFound() {
        List<Seal> seals = new ArrayList<>(chain.seals);
        Seal seal = seals.get(3);
        byte[] signature = seal.signature().clone();
        signature[5] ^= 1;
        seals.set(3, new Seal(seal.firstSeq(), seal.lastSeq(), seal.chainHash(), seal.sealedAt(), seal.keyId(),
                signature));

        VerificationResult result = verify(chain.events, seals, chain.checkpoints);

        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.kind()).isEqualTo(Failure.Kind.SEAL_SIGNATURE);
            assertThat(failure.seq()).isEqualTo(seal.lastSeq());
            assertThat(failure.message()).contains(seal.range(), "does not verify");
        });
    }

    @Test
    void aSealByAKeyOutsideItsValidityWindowIsFound() {
        Instant retired = ChainFixture.sealedAt(1000);
        KeySet keys = KeySet.of(PublishedKey.of(chain.signer.publicKey(), ChainFixture.T0, retired));

        VerificationResult result = ChainVerifier.forKeys(keys).maxFailures(1000).build()
                .verify(chain.events.iterator(), chain.seals.iterator(), List.<Checkpoint>of().iterator());

        long late = chain.seals.stream().filter(s -> !s.sealedAt().isBefore(retired)).count();
        assertThat(result.failures()).hasSize((int) late).allSatisfy(failure -> {
            assertThat(failure.kind()).isEqualTo(Failure.Kind.SEAL_SIGNATURE);
            assertThat(failure.message()).contains("which is valid only from");
        });
    }

    @Test
    void aSealByAnUnpublishedKeyIsFound() {
        List<Seal> seals = new ArrayList<>(chain.seals);
        Seal seal = seals.get(10);
        seals.set(10, Seal.sign(seal.firstSeq(), seal.lastSeq(), seal.chainHash(), seal.sealedAt(),
                ChainFixture.signerFrom("someone else")));

        VerificationResult result = verify(chain.events, seals, chain.checkpoints);

        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.kind()).isEqualTo(Failure.Kind.SEAL_SIGNATURE);
            assertThat(failure.message()).contains("not a published key");
        });
    }

    @Test
    void aSealThatSignsAnotherChainHashIsAMismatch() {
        List<Seal> seals = new ArrayList<>(chain.seals);
        Seal seal = seals.get(6);
        seals.set(6, Seal.sign(seal.firstSeq(), seal.lastSeq(), new byte[32], seal.sealedAt(), chain.signer));

        VerificationResult result = verify(chain.events, seals, chain.checkpoints);

        assertThat(result.failures()).extracting(Failure::kind, Failure::seq)
                .containsExactly(tuple(Failure.Kind.SEAL_MISMATCH, seal.lastSeq()));
    }

    @Test
    void eventsAfterTheLastSealAreOneUnsealedFailure() {
        List<Seal> seals = chain.seals.subList(0, chain.seals.size() - 1);
        long firstUnsealed = seals.get(seals.size() - 1).lastSeq() + 1;

        VerificationResult result = verify(chain.events, seals, chain.checkpoints);

        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.kind()).isEqualTo(Failure.Kind.UNSEALED);
            assertThat(failure.seq()).isEqualTo(firstUnsealed);
            assertThat(failure.message()).contains("events seq " + firstUnsealed + ".." + (SIZE - 1));
        });
    }

    @Test
    void aMissingSealInTheMiddleLeavesItsEventsUnsealed() {
        List<Seal> seals = new ArrayList<>(chain.seals);
        Seal removed = seals.remove(2);

        VerificationResult result = verify(chain.events, seals, chain.checkpoints);

        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.kind()).isEqualTo(Failure.Kind.UNSEALED);
            assertThat(failure.seq()).isEqualTo(removed.firstSeq());
        });
    }

    @Test
    void aCheckpointWithAWrongRootIsFound() {
        List<Checkpoint> checkpoints = new ArrayList<>(chain.checkpoints);
        Checkpoint checkpoint = checkpoints.get(1);
        checkpoints.set(1, Checkpoint.sign(checkpoint.treeSize(), chain.tree.root(checkpoint.treeSize() - 1),
                checkpoint.createdAt(), chain.signer));

        VerificationResult result = verify(chain.events, chain.seals, checkpoints);

        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.kind()).isEqualTo(Failure.Kind.CHECKPOINT_ROOT);
            assertThat(failure.message()).contains("tree_size 2000");
        });
    }

    @Test
    void aCheckpointWithABadSignatureIsFound() {
        Checkpoint checkpoint = chain.checkpoints.get(0);
        Checkpoint forged = new Checkpoint(checkpoint.treeSize(), checkpoint.rootHash(),
                checkpoint.createdAt().plusSeconds(1), checkpoint.keyId(), checkpoint.signature());

        VerificationResult result = verify(chain.events, chain.seals, List.of(forged));

        assertThat(result.failures()).extracting(Failure::kind).containsExactly(Failure.Kind.CHECKPOINT_SIGNATURE);
    }

    @Test
    void aStretchFromTheMiddleVerifiesWithARestoredFrontier() {
        MerkleFrontier frontier = MerkleFrontier.restore(1000, chain.tree.subtrees());

        VerificationResult result = ChainVerifier.forKeys(chain.keys())
                .startingAt(1000, chain.events.get(999).chainHash())
                .frontier(frontier)
                .build()
                .verify(chain.events.subList(1000, SIZE).iterator(), chain.sealsBetween(0, SIZE).iterator(),
                        chain.checkpoints.iterator());

        assertThat(result.failures()).isEmpty();
        assertThat(result.firstSeq()).isEqualTo(1000);
        assertThat(frontier.size()).as("the caller's frontier is not advanced").isEqualTo(1000);
    }

    @Test
    void aStretchWithoutItsPredecessorTrustsItsFirstPrevHash() {
        Seal seal = chain.seals.get(20);
        List<ChainedEvent> stretch = chain.events.subList((int) seal.firstSeq(), SIZE);

        VerificationResult result = ChainVerifier.forKeys(chain.keys()).startingAt(seal.firstSeq(), null).build()
                .verify(stretch.iterator(), chain.seals.iterator(), chain.checkpoints.iterator());

        assertThat(result.failures()).isEmpty();
        assertThat(result.sealsChecked()).isEqualTo(chain.seals.size() - 20);
    }

    @Test
    void aWrongExpectedPrevHashIsAPrevHashMismatchAtTheFirstEvent() {
        VerificationResult result = ChainVerifier.forKeys(chain.keys()).startingAt(1000, new byte[32]).build()
                .verify(chain.events.subList(1000, SIZE).iterator(), chain.seals.iterator(),
                        chain.checkpoints.iterator());

        assertThat(result.failures()).extracting(Failure::kind, Failure::seq)
                .containsExactly(tuple(Failure.Kind.PREV_HASH_MISMATCH, 1000L));
    }

    @Test
    void aDuplicatedEventIsOneOrderFailure() {
        List<ChainedEvent> events = new ArrayList<>(chain.events);
        events.add(101, events.get(100));

        VerificationResult result = verify(events, chain.seals, chain.checkpoints);

        assertThat(result.failures()).extracting(Failure::kind, Failure::seq)
                .containsExactly(tuple(Failure.Kind.SEQUENCE_ORDER, 100L));
    }

    @Test
    void failuresBeyondTheMaximumAreCountedButNotKept() {
        List<ChainedEvent> events = new ArrayList<>(chain.events);
        for (int seq = 10; seq < 30; seq++) {
            events.set(seq, withDetails(events.get(seq), "{\"edited\":true}"));
        }

        VerificationResult result = ChainVerifier.forKeys(chain.keys()).maxFailures(5).build()
                .verify(events.iterator(), chain.seals.iterator(), chain.checkpoints.iterator());

        assertThat(result.valid()).isFalse();
        assertThat(result.failures()).hasSize(5).extracting(Failure::seq).containsExactly(10L, 11L, 12L, 13L, 14L);
        assertThat(result.failuresTruncated()).isTrue();
        assertThat(result.eventsChecked()).isEqualTo(SIZE);
    }

    @Test
    void anEmptyChainWithoutSealsIsValid() {
        VerificationResult result = verify(List.of(), List.of(), List.of());

        assertThat(result.valid()).isTrue();
        assertThat(result.firstSeq()).isNull();
    }

    private VerificationResult verify(List<ChainedEvent> events, List<Seal> seals, List<Checkpoint> checkpoints) {
        return ChainVerifier.forKeys(chain.keys()).build()
                .verify(events.iterator(), seals.iterator(), checkpoints.iterator());
    }

    static ChainedEvent withDetails(ChainedEvent e, String details) {
        return new ChainedEvent(e.seq(), e.eventId(), e.occurredAt(), e.agentId(), e.eventType(), e.actor(),
                e.decision(), details, e.prevHash(), e.chainHash());
    }
}
