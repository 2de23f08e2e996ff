package dev.symbiont.audit.format;

import java.time.Instant;
import java.util.UUID;

/** The byte strings of FORMAT.md that are hashed and signed: event entries and the three signed statements. */
public final class AuditEncoding {

    public static final String EVENT_TAG = "symbiont.audit.event.v1";
    public static final String SEAL_TAG = "symbiont.audit.seal.v1";
    public static final String CHECKPOINT_TAG = "symbiont.audit.checkpoint.v1";
    public static final String MANIFEST_TAG = "symbiont.audit.manifest.v1";

    private static final byte[] GENESIS = new byte[Hashes.LENGTH];
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final int NANOS_PER_MICRO = 1_000;

    private AuditEncoding() {
    }

    /** prev_hash of event 0: 32 zero bytes (a fresh copy). */
    public static byte[] genesis() {
        return GENESIS.clone();
    }

    /**
     * time(t): microseconds since the epoch. A finer instant is rejected rather than truncated: the server truncates
     * before it records, so a sub-microsecond value here means the signed bytes would not match what is stored.
     */
    public static long micros(Instant instant) {
        if (instant.getNano() % NANOS_PER_MICRO != 0) {
            throw new IllegalArgumentException("instant " + instant + " is finer than a microsecond");
        }
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND),
                instant.getNano() / NANOS_PER_MICRO);
    }

    public static Instant fromMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
                Math.floorMod(micros, MICROS_PER_SECOND) * NANOS_PER_MICRO);
    }

    /** entry(e): what the chain hash covers besides prev_hash. */
    public static byte[] eventEntry(ChainedEvent e) {
        return writeEntry(new ByteWriter(256), e.seq(), e.eventId(), e.occurredAt(), e.agentId(), e.eventType(),
                e.actor(), e.decision(), e.details()).toByteArray();
    }

    public static byte[] sealStatement(Seal seal) {
        return writeSealStatement(new ByteWriter(128), seal.firstSeq(), seal.lastSeq(), seal.chainHash(),
                seal.sealedAt(), seal.keyId()).toByteArray();
    }

    public static byte[] checkpointStatement(Checkpoint checkpoint) {
        return writeCheckpointStatement(new ByteWriter(128), checkpoint.treeSize(), checkpoint.rootHash(),
                checkpoint.createdAt(), checkpoint.keyId()).toByteArray();
    }

    public static byte[] manifestStatement(Manifest manifest) {
        ByteWriter out = new ByteWriter(128 + 64 * manifest.files().size())
                .str(MANIFEST_TAG)
                .str(manifest.subject())
                .time(manifest.createdAt())
                .str(manifest.keyId())
                .u32(manifest.files().size());
        for (ManifestFile file : manifest.files()) {
            out.str(file.name()).u64(file.size()).hash(file.sha256());
        }
        return out.toByteArray();
    }

    static ByteWriter writeEntry(ByteWriter out, long seq, UUID eventId, Instant occurredAt, UUID agentId,
                                 String eventType, String actor, String decision, String details) {
        return out.reset()
                .str(EVENT_TAG)
                .u64(seq)
                .uuid(eventId)
                .time(occurredAt)
                .optUuidText(agentId)
                .str(eventType)
                .opt(actor)
                .opt(decision)
                .str(details);
    }

    static ByteWriter writeSealStatement(ByteWriter out, long firstSeq, long lastSeq, byte[] chainHash,
                                         Instant sealedAt, String keyId) {
        return out.reset()
                .str(SEAL_TAG)
                .u64(firstSeq)
                .u64(lastSeq)
                .hash(chainHash)
                .time(sealedAt)
                .str(keyId);
    }

    static ByteWriter writeCheckpointStatement(ByteWriter out, long treeSize, byte[] rootHash, Instant createdAt,
                                               String keyId) {
        return out.reset()
                .str(CHECKPOINT_TAG)
                .u64(treeSize)
                .hash(rootHash)
                .time(createdAt)
                .str(keyId);
    }
}
