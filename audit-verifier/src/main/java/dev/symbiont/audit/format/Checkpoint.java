package dev.symbiont.audit.format;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/** A signed tree head: the Merkle root over the chain hashes of events [0, treeSize). Arrays are not copied. */
public record Checkpoint(long treeSize, byte[] rootHash, Instant createdAt, String keyId, byte[] signature) {

    public Checkpoint {
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree_size must not be negative: " + treeSize);
        }
        Hashes.requireHash(rootHash, "root_hash");
        AuditEncoding.micros(Objects.requireNonNull(createdAt, "createdAt"));
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(signature, "signature");
    }

    public static Checkpoint sign(long treeSize, byte[] rootHash, Instant createdAt, Ed25519.Signer signer) {
        Checkpoint unsigned = new Checkpoint(treeSize, rootHash, createdAt, signer.keyId(), new byte[0]);
        return new Checkpoint(treeSize, rootHash, createdAt, signer.keyId(), signer.sign(unsigned.statement()));
    }

    /** The signed bytes: checkpoint_statement of FORMAT.md. */
    public byte[] statement() {
        return AuditEncoding.checkpointStatement(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c
                && treeSize == c.treeSize
                && Arrays.equals(rootHash, c.rootHash)
                && createdAt.equals(c.createdAt)
                && keyId.equals(c.keyId)
                && Arrays.equals(signature, c.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(treeSize, createdAt, keyId) * 31 + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return "Checkpoint[treeSize=" + treeSize + ", rootHash=" + Hashes.hex(rootHash) + ", createdAt=" + createdAt
                + ", keyId=" + keyId + ", signature=" + Hashes.hex(signature) + "]";
    }
}
