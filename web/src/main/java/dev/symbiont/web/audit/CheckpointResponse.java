package dev.symbiont.web.audit;

import dev.symbiont.audit.format.Checkpoint;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/** A signed checkpoint (RFC 9162 signed tree head): root hash in hex, Ed25519 signature in base64. */
public record CheckpointResponse(long treeSize, String rootHash, Instant createdAt, String keyId, String signature) {

    public static CheckpointResponse of(Checkpoint checkpoint) {
        return new CheckpointResponse(checkpoint.treeSize(), HexFormat.of().formatHex(checkpoint.rootHash()),
                checkpoint.createdAt(), checkpoint.keyId(), Base64.getEncoder().encodeToString(checkpoint.signature()));
    }
}
