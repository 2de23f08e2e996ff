package dev.symbiont.audit.format;

import java.util.Iterator;
import java.util.Objects;

/**
 * Verifies a stretch of the audit trail in one streaming pass over three seq-ordered streams: the events, the seals
 * (by last_seq) and the checkpoints (by tree_size). It holds no more than the current event, seal and checkpoint,
 * so it serves the server (rows streamed from the database) and the offline verifier (a bundle) alike.
 *
 * <p>After a failure it resynchronises on what is stored, so that each tampered row is reported once: one edited
 * row gives one failure, one deleted row one SEQUENCE_GAP, and the rest of the chain is still checked.
 *
 * <p>Pass the seals that cover the events' range (widened to whole seals, as the bundle export does): a seal reaching
 * past the last event is evidence that events were removed from the tail.
 *
 * <p>A verifier is immutable and can run concurrently: each {@link #verify} works on its own state and its own copy
 * of the frontier.
 */
public final class ChainVerifier {

    public static final int DEFAULT_MAX_FAILURES = 100;

    private final KeySet keys;
    private final long firstSeq;
    private final byte[] expectedPrevHash;
    private final MerkleFrontier frontier;
    private final int maxFailures;
    private final boolean toEndOfChain;

    private ChainVerifier(Builder builder) {
        keys = builder.keys;
        firstSeq = builder.firstSeq;
        expectedPrevHash = builder.expectedPrevHash == null && firstSeq == 0
                ? AuditEncoding.genesis()
                : builder.expectedPrevHash;
        frontier = builder.frontier == null && firstSeq == 0 ? new MerkleFrontier() : builder.frontier;
        if (frontier != null && frontier.size() != firstSeq) {
            throw new IllegalArgumentException("the frontier holds " + frontier.size()
                    + " leaves but verification starts at seq " + firstSeq);
        }
        maxFailures = builder.maxFailures;
        toEndOfChain = builder.toEndOfChain;
    }

    /** A verifier from seq 0 (prev_hash GENESIS, checkpoint roots recomputed); see the builder for other starts. */
    public static Builder forKeys(KeySet keys) {
        return new Builder(keys);
    }

    /** Runs one verification; the verifier can be reused (its frontier is copied, never advanced). */
    public VerificationResult verify(Iterator<ChainedEvent> events, Iterator<Seal> seals,
                                     Iterator<Checkpoint> checkpoints) {
        MerkleFrontier runFrontier = frontier == null ? null : frontier.copy(null);
        return new VerificationRun(keys, firstSeq, expectedPrevHash, runFrontier, new FailureLog(maxFailures),
                toEndOfChain, seals, checkpoints).run(events);
    }

    public static final class Builder {

        private final KeySet keys;
        private long firstSeq;
        private byte[] expectedPrevHash;
        private MerkleFrontier frontier;
        private int maxFailures = DEFAULT_MAX_FAILURES;
        private boolean toEndOfChain;

        private Builder(KeySet keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
        }

        /**
         * The first event expected and the prev_hash it must have: null trusts the first event's own prev_hash
         * (a stretch whose predecessor is not at hand); at seq 0 null means GENESIS.
         */
        public Builder startingAt(long firstSeq, byte[] expectedPrevHash) {
            if (firstSeq < 0) {
                throw new IllegalArgumentException("seq must not be negative: " + firstSeq);
            }
            this.firstSeq = firstSeq;
            this.expectedPrevHash = expectedPrevHash == null ? null : Hashes.requireHash(expectedPrevHash,
                    "expected prev_hash");
            return this;
        }

        /**
         * The tree of events [0, firstSeq), so that checkpoint roots can be recomputed. Without one (null) a start
         * after seq 0 checks checkpoint signatures only; a start at seq 0 builds its own.
         */
        public Builder frontier(MerkleFrontier frontier) {
            this.frontier = frontier;
            return this;
        }

        /** Failures kept in the result; more are counted in failuresTruncated. Default 100. */
        public Builder maxFailures(int maxFailures) {
            if (maxFailures < 0) {
                throw new IllegalArgumentException("maximum failures must not be negative: " + maxFailures);
            }
            this.maxFailures = maxFailures;
            return this;
        }

        /**
         * The events run to the end of the chain, so a checkpoint whose tree is larger than what was read means
         * events were removed from the tail (a bundle's checkpoint may legitimately be larger: do not set it there).
         */
        public Builder toEndOfChain() {
            this.toEndOfChain = true;
            return this;
        }

        public ChainVerifier build() {
            return new ChainVerifier(this);
        }
    }
}
