package dev.symbiont.sandbox;

import dev.symbiont.runtime.DomainException;

/** The sandbox cannot run anything now: its engine is unreachable or the tier's runtime is not registered. */
public class SandboxUnavailableException extends DomainException {

    private final SecurityTier tier;

    public SandboxUnavailableException(SecurityTier tier, String whatIsMissing, Throwable cause) {
        super(whatIsMissing, cause);
        this.tier = tier;
    }

    public SecurityTier tier() {
        return tier;
    }
}
