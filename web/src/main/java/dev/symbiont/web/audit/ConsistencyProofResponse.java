package dev.symbiont.web.audit;

import dev.symbiont.audit.ConsistencyProof;
import java.util.HexFormat;
import java.util.List;

/** PROOF(first.tree_size, D[second.tree_size]) of RFC 9162 2.1.4.1, hashes in hex, with both signed checkpoints. */
public record ConsistencyProofResponse(CheckpointResponse first, CheckpointResponse second, List<String> proof) {

    static ConsistencyProofResponse of(ConsistencyProof proof) {
        HexFormat hex = HexFormat.of();
        return new ConsistencyProofResponse(CheckpointResponse.of(proof.first()), CheckpointResponse.of(proof.second()),
                proof.path().stream().map(hex::formatHex).toList());
    }
}
