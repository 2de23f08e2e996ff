package dev.symbiont.audit.format;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * One event of the hash chain as stored: its fields, its prev_hash and its chain_hash. The hash arrays are not
 * copied (millions of events pass through a verifier); treat them as immutable.
 *
 * @param agentId  nullable
 * @param actor    nullable: absent for the runtime itself
 * @param decision nullable: set for policy decisions
 * @param details  the details JSON text, exactly the stored characters
 */
public record ChainedEvent(long seq, UUID eventId, Instant occurredAt, UUID agentId, String eventType, String actor,
                           String decision, String details, byte[] prevHash, byte[] chainHash) {

    public ChainedEvent {
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative: " + seq);
        }
        Objects.requireNonNull(eventId, "eventId");
        AuditEncoding.micros(Objects.requireNonNull(occurredAt, "occurredAt"));
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(details, "details");
        Hashes.requireHash(prevHash, "prev_hash");
        Hashes.requireHash(chainHash, "chain_hash");
    }

    /** The event that follows a chain ending in {@code prevHash}, with its chain hash computed. */
    public static ChainedEvent append(long seq, UUID eventId, Instant occurredAt, UUID agentId, String eventType,
                                      String actor, String decision, String details, byte[] prevHash) {
        return new ChainHasher().append(seq, eventId, occurredAt, agentId, eventType, actor, decision, details,
                prevHash);
    }

    /** H(prev_hash || entry): equals {@link #chainHash()} unless the stored event was altered. */
    public byte[] recomputeChainHash() {
        return new ChainHasher().chainHash(this, prevHash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChainedEvent e
                && seq == e.seq
                && eventId.equals(e.eventId)
                && occurredAt.equals(e.occurredAt)
                && Objects.equals(agentId, e.agentId)
                && eventType.equals(e.eventType)
                && Objects.equals(actor, e.actor)
                && Objects.equals(decision, e.decision)
                && details.equals(e.details)
                && Arrays.equals(prevHash, e.prevHash)
                && Arrays.equals(chainHash, e.chainHash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seq, eventId, occurredAt, agentId, eventType, actor, decision, details)
                * 31 + Arrays.hashCode(chainHash);
    }

    @Override
    public String toString() {
        return "ChainedEvent[seq=" + seq + ", eventId=" + eventId + ", occurredAt=" + occurredAt
                + ", agentId=" + agentId + ", eventType=" + eventType + ", actor=" + actor + ", decision=" + decision
                + ", details=" + details + ", prevHash=" + Hashes.hex(prevHash)
                + ", chainHash=" + Hashes.hex(chainHash) + "]";
    }
}
