package dev.symbiont.execution;

import dev.symbiont.runtime.DomainException;

/** This node already runs as many executions as it is configured for; the caller may retry shortly. */
public class SandboxBusyException extends DomainException {

    public SandboxBusyException(int max) {
        super("this node is running its maximum of " + max + " executions (symbiont.sandbox.max-concurrent-executions)"
                + "; retry shortly");
    }
}
