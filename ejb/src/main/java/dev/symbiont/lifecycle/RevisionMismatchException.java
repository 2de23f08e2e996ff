package dev.symbiont.lifecycle;

import dev.symbiont.runtime.DomainException;
import java.util.UUID;

/** The caller's precondition (If-Match revision) no longer holds: the agent changed since the caller read it. */
public class RevisionMismatchException extends DomainException {

    public RevisionMismatchException(UUID agentId, long expected, long actual) {
        super("agent " + agentId + " is at revision " + actual + ", the request expected revision " + expected);
    }
}
