package dev.symbiont.execution;

import dev.symbiont.runtime.DomainException;

/** The input payload is larger than symbiont.sandbox.max-input-bytes. */
public class ExecutionInputTooLargeException extends DomainException {

    public ExecutionInputTooLargeException(int size, int max) {
        super("the input is " + size + " bytes; executions accept at most " + max
                + " (symbiont.sandbox.max-input-bytes)");
    }
}
