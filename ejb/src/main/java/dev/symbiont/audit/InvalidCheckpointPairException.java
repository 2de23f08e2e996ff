package dev.symbiont.audit;

import dev.symbiont.runtime.DomainException;

/** A consistency proof was asked from a larger tree to a smaller one. */
public class InvalidCheckpointPairException extends DomainException {

    public InvalidCheckpointPairException(long first, long second) {
        super("first (tree size " + first + ") must not be larger than second (tree size " + second + ")");
    }
}
