package dev.symbiont.web.audit;

import dev.symbiont.audit.ProvenEvent;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * One event with what proves it: the seal (signature over the chain hash of the last event of its batch) and the
 * RFC 9162 inclusion proof of its leaf in a signed checkpoint. Byte formats: audit-verifier/FORMAT.md.
 */
public record ProvenEventResponse(AuditEventResponse event, SealResponse seal, CheckpointResponse checkpoint,
                                  InclusionProof inclusionProof) {

    public record SealResponse(long firstSeq, long lastSeq, String chainHash, Instant sealedAt, String keyId,
                               String signature) {
    }

    public record InclusionProof(long leafIndex, long treeSize, String leafHash, List<String> auditPath) {
    }

    public static ProvenEventResponse of(ProvenEvent proven) {
        HexFormat hex = HexFormat.of();
        Base64.Encoder base64 = Base64.getEncoder();
        var seal = proven.seal();
        var checkpoint = proven.checkpoint();
        return new ProvenEventResponse(AuditEventResponse.withHashes(proven.event()),
                new SealResponse(seal.firstSeq(), seal.lastSeq(), hex.formatHex(seal.chainHash()), seal.sealedAt(),
                        seal.keyId(), base64.encodeToString(seal.signature())),
                CheckpointResponse.of(checkpoint),
                new InclusionProof(proven.event().seq(), checkpoint.treeSize(),
                        hex.formatHex(dev.symbiont.audit.format.Merkle.leafHash(proven.event().chainHash())),
                        proven.inclusionPath().stream().map(hex::formatHex).toList()));
    }
}
