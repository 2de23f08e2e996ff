package dev.symbiont.audit.format;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * Computes chain hashes, H(prev_hash || entry), reusing one buffer and one digest: no allocation per event beyond
 * the resulting hash. Not thread-safe; keep one per thread of work (a batch being appended, a verification run).
 */
public final class ChainHasher {

    private final ByteWriter entry = new ByteWriter(512);
    private final MessageDigest sha256 = Hashes.newSha256();
    private final byte[] scratch = new byte[Hashes.LENGTH];

    /** The next event of a chain whose last chain hash is {@code prevHash}. */
    public ChainedEvent append(long seq, UUID eventId, Instant occurredAt, UUID agentId, String eventType,
                               String actor, String decision, String details, byte[] prevHash) {
        Hashes.requireHash(prevHash, "prev_hash");
        AuditEncoding.writeEntry(entry, seq, eventId, occurredAt, agentId, eventType, actor, decision, details);
        byte[] chainHash = new byte[Hashes.LENGTH];
        digest(prevHash, chainHash);
        return new ChainedEvent(seq, eventId, occurredAt, agentId, eventType, actor, decision, details, prevHash,
                chainHash);
    }

    /** H(prevHash || entry(event)): the chain hash the event would have after {@code prevHash}. */
    public byte[] chainHash(ChainedEvent event, byte[] prevHash) {
        byte[] out = new byte[Hashes.LENGTH];
        hashInto(event, prevHash, out);
        return out;
    }

    /** Whether H(prevHash || entry(event)) equals {@code expected}, without allocating. */
    public boolean hashesTo(ChainedEvent event, byte[] prevHash, byte[] expected) {
        hashInto(event, prevHash, scratch);
        return Arrays.equals(scratch, expected);
    }

    private void hashInto(ChainedEvent e, byte[] prevHash, byte[] out) {
        AuditEncoding.writeEntry(entry, e.seq(), e.eventId(), e.occurredAt(), e.agentId(), e.eventType(), e.actor(),
                e.decision(), e.details());
        digest(prevHash, out);
    }

    private void digest(byte[] prevHash, byte[] out) {
        sha256.update(prevHash);
        entry.digestInto(sha256);
        Hashes.finish(sha256, out);
    }
}
