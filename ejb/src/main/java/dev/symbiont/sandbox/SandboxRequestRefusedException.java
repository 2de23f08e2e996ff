package dev.symbiont.sandbox;

import dev.symbiont.runtime.DomainException;

/** The tier cannot run this request with its guarantees intact, so it did not start it. */
public class SandboxRequestRefusedException extends DomainException {

    private final SecurityTier tier;

    public SandboxRequestRefusedException(SecurityTier tier, String reason) {
        super(reason);
        this.tier = tier;
    }

    public SecurityTier tier() {
        return tier;
    }
}
