package dev.symbiont.sandbox;

import java.util.List;
import java.util.UUID;

/**
 * The sandbox tiers this node offers. The adapter behind it is chosen by configuration; there is no tier that runs
 * code outside a sandbox, so a missing tier is an error, never a fallback.
 */
public interface Sandboxes {

    /** @throws SandboxUnavailableException when this node has no such tier configured */
    SandboxOrchestrator tier(SecurityTier tier);

    /**
     * Stops the execution on whichever tier of this node runs it (see {@link SandboxOrchestrator#stop}).
     *
     * @return false when no tier of this node is running it
     */
    boolean stop(UUID executionId, String reason);

    /** Every tier's health, each a real round trip to its engine. */
    List<SandboxHealth> health();

    /**
     * Removes sandboxes an earlier life of this node left behind (a crash, a kill -9). When the engine is down now,
     * that happens as soon as it is seen up again.
     */
    void reclaimOrphans();
}
