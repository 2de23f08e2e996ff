package dev.symbiont.audit.format;

import java.util.Objects;
import java.util.UUID;

/**
 * One thing that did not verify, located as precisely as the evidence allows.
 *
 * @param seq     the event concerned: the event itself; for a gap the first missing seq; for a seal its last_seq;
 *                null when no single event is to blame (a checkpoint root, a manifest)
 * @param eventId the id of that event when it is present, else null
 * @param message what failed, with expected and found values
 */
public record Failure(Kind kind, Long seq, UUID eventId, String message) {

    public enum Kind {
        /** Events are missing: seqs are not contiguous, or a seal or checkpoint covers events that are absent. */
        SEQUENCE_GAP,
        /** An event's seq is not above the previous one (a duplicate or reordered row). */
        SEQUENCE_ORDER,
        /** prev_hash is not the previous event's chain_hash: the chain was relinked or the column altered. */
        PREV_HASH_MISMATCH,
        /** chain_hash does not recompute from the event: its content was altered. */
        CHAIN_HASH_MISMATCH,
        /** A seal's chain_hash is not that of its last event, or seals overlap. */
        SEAL_MISMATCH,
        /** A seal's signature is not valid under a published key valid at sealed_at. */
        SEAL_SIGNATURE,
        /** Events not covered by any seal. */
        UNSEALED,
        /** A checkpoint's signature is not valid under a published key valid at created_at. */
        CHECKPOINT_SIGNATURE,
        /** A checkpoint's root is not the Merkle root of the chain hashes of events [0, tree_size). */
        CHECKPOINT_ROOT,
        /** An inclusion proof of a bundle does not verify against its checkpoint. */
        INCLUSION_PROOF,
        /** A manifest's signature is invalid, or a file does not match its listed size and SHA-256. */
        MANIFEST,
        /** Input that cannot be read as FORMAT.md describes: a bad JSON line, a missing bundle entry. */
        MALFORMED
    }

    public Failure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** "CHAIN_HASH_MISMATCH at seq 42 (event 0192…): message" */
    public String describe() {
        StringBuilder text = new StringBuilder(kind.name());
        if (seq != null) {
            text.append(" at seq ").append(seq);
        }
        if (eventId != null) {
            text.append(" (event ").append(eventId).append(')');
        }
        return text.append(": ").append(message).toString();
    }
}
