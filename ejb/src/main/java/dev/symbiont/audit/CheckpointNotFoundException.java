package dev.symbiont.audit;

import dev.symbiont.runtime.DomainException;

/** No signed checkpoint has this tree size. */
public class CheckpointNotFoundException extends DomainException {

    public CheckpointNotFoundException(long treeSize) {
        super("no signed checkpoint of tree size " + treeSize + " (list them at /api/v1/audit/checkpoints)");
    }
}
