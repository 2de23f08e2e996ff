package dev.symbiont.policy;

import dev.symbiont.runtime.DomainException;

/** The write does not fit the stored state: the id is taken, or the version the writer read is no longer current. */
public class PolicyConflictException extends DomainException {

    private final boolean stale;

    private PolicyConflictException(String message, boolean stale) {
        super(message);
        this.stale = stale;
    }

    public static PolicyConflictException exists(String id) {
        return new PolicyConflictException("a policy with id '" + id + "' exists; PUT /policies/" + id
                + " replaces it", false);
    }

    public static PolicyConflictException staleVersion(String id, int expected, int actual) {
        return new PolicyConflictException("policy '" + id + "' is at version " + actual + ", the request expected "
                + expected, true);
    }

    /** True when the caller's expected version is outdated (HTTP 412), false when the id is taken (409). */
    public boolean stale() {
        return stale;
    }
}
