package dev.symbiont.compliance;

import java.time.Instant;
import java.util.Objects;

/** A signed Merkle tree head of the audit trail: the root over its first {@code treeSize} events. */
public record CheckpointRoot(long treeSize, String rootHashHex, Instant createdAt, String keyId) {

    public CheckpointRoot {
        Objects.requireNonNull(rootHashHex, "rootHashHex");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
