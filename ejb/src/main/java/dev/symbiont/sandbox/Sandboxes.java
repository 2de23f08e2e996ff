package dev.symbiont.sandbox;

import java.util.List;

/**
 * The sandbox tiers this node offers. The adapter behind it is chosen by configuration; there is no tier that runs
 * code outside a sandbox, so a missing tier is an error, never a fallback.
 */
public interface Sandboxes {

    /** @throws SandboxUnavailableException when this node has no such tier configured */
    SandboxOrchestrator tier(SecurityTier tier);

    /** Every tier's health, each a real round trip to its engine. */
    List<SandboxHealth> health();

    /**
     * Removes sandboxes an earlier life of this node left behind (a crash, a kill -9). When the engine is down now,
     * that happens as soon as it is seen up again.
     */
    void reclaimOrphans();
}
