package dev.symbiont.audit;

import dev.symbiont.runtime.DomainException;

/** The requested seq range holds no event of the chain. */
public class InvalidAuditRangeException extends DomainException {

    public InvalidAuditRangeException(long from, long to, long size) {
        super(size == 0 ? "the audit trail is empty"
                : "the range " + from + ".." + to + " holds no audit event (the chain has seq 0.." + (size - 1) + ")");
    }
}
