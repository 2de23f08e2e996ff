package dev.symbiont.audit.bundle;

import dev.symbiont.audit.format.Checkpoint;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** checkpoint.json of a bundle: a checkpoint and the inclusion proofs of the first and last exported event. */
public record CheckpointDocument(Checkpoint checkpoint, List<InclusionProof> inclusion) {

    public CheckpointDocument {
        Objects.requireNonNull(checkpoint, "checkpoint");
        inclusion = List.copyOf(inclusion);
    }

    public Optional<InclusionProof> proofOf(long seq) {
        return inclusion.stream().filter(p -> p.seq() == seq).findFirst();
    }
}
