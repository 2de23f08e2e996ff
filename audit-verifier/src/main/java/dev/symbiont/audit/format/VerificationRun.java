package dev.symbiont.audit.format;

import static dev.symbiont.audit.format.Hashes.prefix;

import java.util.Arrays;
import java.util.Iterator;
import java.util.UUID;

/** The state of one ChainVerifier pass: the streams' positions, the chain's baseline and the failures so far. */
final class VerificationRun {

    private final KeySet keys;
    private final long firstSeq;
    private final boolean toEndOfChain;
    private final FailureLog failures;
    private final ChainHasher hasher = new ChainHasher();
    private final Iterator<Seal> seals;
    private final Iterator<Checkpoint> checkpoints;
    /** The tree of the events so far; null once it cannot be known (before the start, or after a gap). */
    private MerkleFrontier frontier;

    private long expectedSeq;
    /** What the next prev_hash must be; null when unknown (a trusted start, or after a gap). */
    private byte[] baseline;
    /**
     * After a CHAIN_HASH_MISMATCH: the hash the altered event recomputes to. If the next prev_hash matches it, only
     * the chain_hash column was altered, which the one failure already reported.
     */
    private byte[] recomputedBaseline;
    private Long firstRead;
    private Long lastRead;
    private long eventsChecked;
    private long sealsChecked;
    private long checkpointsChecked;

    private Seal currentSeal;
    private long sealedUpTo = -1;
    private Checkpoint pendingCheckpoint;

    /** A run of consecutive unsealed events is one failure, rewritten as the run grows. */
    private long unsealedFrom = -1;
    private long unsealedTo;
    private UUID unsealedEventId;
    private int unsealedFailure;

    VerificationRun(KeySet keys, long firstSeq, byte[] expectedPrevHash, MerkleFrontier frontier, FailureLog failures,
                    boolean toEndOfChain, Iterator<Seal> seals, Iterator<Checkpoint> checkpoints) {
        this.keys = keys;
        this.firstSeq = firstSeq;
        this.expectedSeq = firstSeq;
        this.baseline = expectedPrevHash;
        this.frontier = frontier;
        this.failures = failures;
        this.toEndOfChain = toEndOfChain;
        this.seals = seals;
        this.checkpoints = checkpoints;
    }

    VerificationResult run(Iterator<ChainedEvent> events) {
        checkCheckpointsUpTo(expectedSeq);
        while (events.hasNext()) {
            ChainedEvent event = events.next();
            eventsChecked++;
            if (event.seq() < expectedSeq) {
                failures.add(Failure.Kind.SEQUENCE_ORDER, event.seq(), event.eventId(), "event seq " + event.seq()
                        + (lastRead == null ? " is before the start of verification at seq " + firstSeq
                                : " comes after seq " + lastRead + "; events must be in ascending seq order"));
                continue;
            }
            if (event.seq() > expectedSeq) {
                reportGap(event);
            }
            checkLink(event);
            checkSealCoverage(event);
            if (firstRead == null) {
                firstRead = event.seq();
            }
            lastRead = event.seq();
            expectedSeq = event.seq() + 1;
            if (frontier != null) {
                frontier.appendChainHash(event.chainHash());
            }
            checkCheckpointsUpTo(expectedSeq);
        }
        finish();
        return new VerificationResult(failures.none(), eventsChecked, sealsChecked, checkpointsChecked, firstRead,
                lastRead, failures.kept(), failures.truncated());
    }

    private void reportGap(ChainedEvent next) {
        long from = expectedSeq;
        long to = next.seq() - 1;
        String context = lastRead == null
                ? "verification starts at seq " + firstSeq + " but the first event is seq " + next.seq()
                : "seq " + lastRead + " is followed by seq " + next.seq();
        failures.add(Failure.Kind.SEQUENCE_GAP, from, null, missing(from, to) + ": " + context + " (event "
                + next.eventId() + ")" + (frontier == null ? "" : "; checkpoint roots past the gap are not recomputed"));
        // the next event cannot be linked to an absent predecessor; it becomes the new baseline
        baseline = null;
        recomputedBaseline = null;
        frontier = null;
    }

    /** One failure at most per event, naming which column the evidence points to. */
    private void checkLink(ChainedEvent e) {
        byte[] expected = baseline;
        boolean linked = expected == null || Arrays.equals(e.prevHash(), expected)
                || Arrays.equals(e.prevHash(), recomputedBaseline);
        boolean intact = hasher.hashesTo(e, e.prevHash(), e.chainHash());
        baseline = e.chainHash();
        recomputedBaseline = null;
        if (linked && intact) {
            return;
        }
        if (linked) {
            byte[] recomputed = hasher.chainHash(e, e.prevHash());
            failures.add(Failure.Kind.CHAIN_HASH_MISMATCH, e.seq(), e.eventId(), "event content altered: chain_hash "
                    + "recomputes to " + prefix(recomputed) + " but " + prefix(e.chainHash()) + " is stored");
            recomputedBaseline = recomputed;
        } else if (intact) {
            failures.add(Failure.Kind.PREV_HASH_MISMATCH, e.seq(), e.eventId(), "prev_hash " + prefix(e.prevHash())
                    + " is not " + prefix(expected) + ", the chain_hash of seq " + (e.seq() - 1)
                    + ": the chain was relinked here");
        } else if (hasher.hashesTo(e, expected, e.chainHash())) {
            failures.add(Failure.Kind.PREV_HASH_MISMATCH, e.seq(), e.eventId(), "prev_hash altered: "
                    + prefix(e.prevHash()) + " is stored but the event's chain_hash was computed over "
                    + prefix(expected) + ", the chain_hash of seq " + (e.seq() - 1));
        } else {
            failures.add(Failure.Kind.CHAIN_HASH_MISMATCH, e.seq(), e.eventId(), "prev_hash " + prefix(e.prevHash())
                    + " is not " + prefix(expected) + ", the chain_hash of seq " + (e.seq() - 1) + ", and chain_hash "
                    + prefix(e.chainHash()) + " does not recompute from the event");
        }
    }

    private void checkSealCoverage(ChainedEvent e) {
        long seq = e.seq();
        while ((currentSeal == null || currentSeal.lastSeq() < seq) && seals.hasNext()) {
            readSeal(seals.next());
        }
        if (currentSeal == null || currentSeal.lastSeq() < seq || currentSeal.firstSeq() > seq) {
            reportUnsealed(e);
            return;
        }
        endUnsealedRun();
        if (currentSeal.lastSeq() == seq && !Arrays.equals(currentSeal.chainHash(), e.chainHash())) {
            failures.add(Failure.Kind.SEAL_MISMATCH, seq, e.eventId(), "seal " + currentSeal.range()
                    + " signed chain_hash " + prefix(currentSeal.chainHash()) + " but event seq " + seq + " stores "
                    + prefix(e.chainHash()));
        }
    }

    /** Contiguity and signature of the next seal. A hole between seals shows as UNSEALED events. */
    private void readSeal(Seal seal) {
        boolean first = currentSeal == null && sealedUpTo < 0;
        currentSeal = seal;
        if (seal.lastSeq() < firstSeq) {
            sealedUpTo = Math.max(sealedUpTo, seal.lastSeq());
            return;
        }
        sealsChecked++;
        if (!first && seal.firstSeq() <= sealedUpTo) {
            failures.add(Failure.Kind.SEAL_MISMATCH, seal.lastSeq(), null, "seal " + seal.range()
                    + " overlaps the seals before it, which reach seq " + sealedUpTo + "; seals must be contiguous");
        }
        sealedUpTo = Math.max(sealedUpTo, seal.lastSeq());
        SignatureCheck check = keys.check(seal.keyId(), seal.sealedAt(), seal.statement(), seal.signature());
        if (!check.ok()) {
            failures.add(Failure.Kind.SEAL_SIGNATURE, seal.lastSeq(), null, "seal " + seal.range() + ": "
                    + keys.explain(check, seal.keyId(), seal.sealedAt()));
        }
    }

    private void reportUnsealed(ChainedEvent e) {
        if (unsealedFrom >= 0 && e.seq() == unsealedTo + 1) {
            unsealedTo = e.seq();
            return;
        }
        endUnsealedRun();
        unsealedFrom = e.seq();
        unsealedTo = e.seq();
        unsealedEventId = e.eventId();
        unsealedFailure = failures.add(Failure.Kind.UNSEALED, e.seq(), e.eventId(), unsealedMessage());
    }

    private void endUnsealedRun() {
        if (unsealedFrom >= 0 && unsealedTo > unsealedFrom) {
            failures.replace(unsealedFailure, new Failure(Failure.Kind.UNSEALED, unsealedFrom, unsealedEventId,
                    unsealedMessage()));
        }
        unsealedFrom = -1;
    }

    private String unsealedMessage() {
        return unsealedFrom == unsealedTo
                ? "event seq " + unsealedFrom + " is not covered by any seal"
                : "events seq " + unsealedFrom + ".." + unsealedTo + " (" + (unsealedTo - unsealedFrom + 1)
                        + " events) are not covered by any seal";
    }

    private void checkCheckpointsUpTo(long treeSize) {
        while (true) {
            if (pendingCheckpoint == null) {
                if (!checkpoints.hasNext()) {
                    return;
                }
                pendingCheckpoint = checkpoints.next();
            }
            if (pendingCheckpoint.treeSize() > treeSize) {
                return;
            }
            checkCheckpoint(pendingCheckpoint);
            pendingCheckpoint = null;
        }
    }

    private void checkCheckpoint(Checkpoint checkpoint) {
        checkpointsChecked++;
        SignatureCheck check = keys.check(checkpoint.keyId(), checkpoint.createdAt(), checkpoint.statement(),
                checkpoint.signature());
        if (!check.ok()) {
            failures.add(Failure.Kind.CHECKPOINT_SIGNATURE, null, null, "checkpoint tree_size "
                    + checkpoint.treeSize() + ": " + keys.explain(check, checkpoint.keyId(), checkpoint.createdAt()));
        }
        if (frontier != null && frontier.size() == checkpoint.treeSize()) {
            byte[] root = frontier.root();
            if (!Arrays.equals(root, checkpoint.rootHash())) {
                failures.add(Failure.Kind.CHECKPOINT_ROOT, null, null, "checkpoint tree_size " + checkpoint.treeSize()
                        + " signed root " + prefix(checkpoint.rootHash()) + " but the chain hashes of events seq 0.."
                        + (checkpoint.treeSize() - 1) + " give root " + prefix(root));
            }
        }
    }

    /** Seals (and, at the end of the chain, checkpoints) reaching past the last event: events are missing there. */
    private void finish() {
        endUnsealedRun();
        long lastPresent = expectedSeq - 1;
        long coveredTo = lastPresent;
        String evidence = null;
        if (currentSeal != null && currentSeal.lastSeq() > coveredTo) {
            coveredTo = currentSeal.lastSeq();
            evidence = "seal " + currentSeal.range();
        }
        while (seals.hasNext()) {
            Seal seal = seals.next();
            readSeal(seal);
            if (seal.lastSeq() > coveredTo) {
                coveredTo = seal.lastSeq();
                evidence = "seal " + seal.range();
            }
        }
        while (pendingCheckpoint != null || checkpoints.hasNext()) {
            Checkpoint checkpoint = pendingCheckpoint != null ? pendingCheckpoint : checkpoints.next();
            pendingCheckpoint = null;
            checkCheckpoint(checkpoint);
            if (toEndOfChain && checkpoint.treeSize() - 1 > coveredTo) {
                coveredTo = checkpoint.treeSize() - 1;
                evidence = "checkpoint tree_size " + checkpoint.treeSize();
            }
        }
        if (coveredTo > lastPresent) {
            failures.add(Failure.Kind.SEQUENCE_GAP, lastPresent + 1, null, missing(lastPresent + 1, coveredTo)
                    + " at the end: " + evidence + " covers them but "
                    + (lastRead == null ? "no event was read" : "the last event read is seq " + lastRead));
        }
    }

    private static String missing(long from, long to) {
        return from == to
                ? "event seq " + from + " is missing"
                : "events seq " + from + ".." + to + " (" + (to - from + 1) + " events) are missing";
    }
}
