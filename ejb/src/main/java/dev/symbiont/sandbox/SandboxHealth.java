package dev.symbiont.sandbox;

import java.util.Objects;

/**
 * Whether a tier can run executions now, and what is missing or in force if not obvious.
 *
 * @param detail for readiness output: the engine and runtime when up, what is missing when down
 */
public record SandboxHealth(SecurityTier tier, boolean up, String detail) {

    public SandboxHealth {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(detail, "detail");
    }

    public static SandboxHealth up(SecurityTier tier, String detail) {
        return new SandboxHealth(tier, true, detail);
    }

    public static SandboxHealth down(SecurityTier tier, String whatIsMissing) {
        return new SandboxHealth(tier, false, whatIsMissing);
    }
}
