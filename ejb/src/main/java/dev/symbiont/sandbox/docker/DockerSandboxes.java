package dev.symbiont.sandbox.docker;

import dev.symbiont.sandbox.SandboxHealth;
import dev.symbiont.sandbox.SandboxOrchestrator;
import dev.symbiont.sandbox.SandboxUnavailableException;
import dev.symbiont.sandbox.Sandboxes;
import dev.symbiont.sandbox.SecurityTier;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Both tiers on one Docker engine: Tier 1 with runc, Tier 2 with gVisor's runsc, as configured, each with its own
 * warm pool when one is configured. Orphans of this node are reaped at start, or on the first health check that
 * finds the engine up when it was down at start. Closing removes the warm pools' idle containers.
 */
public final class DockerSandboxes implements Sandboxes, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DockerSandboxes.class.getName());

    private final DockerEngine engine;
    private final Map<SecurityTier, DockerSandboxOrchestrator> tiers = new EnumMap<>(SecurityTier.class);
    private final OrphanReaper reaper;
    private final AtomicBoolean orphansPending = new AtomicBoolean(true);

    /**
     * @param warmPool without one, every run creates its container
     * @param refills  runs the warm pools' background refills
     */
    public DockerSandboxes(DockerEngine engine, DockerSandboxSettings settings, List<DockerRuntime> runtimes,
                           Optional<WarmPoolSettings> warmPool, Executor refills) {
        this.engine = engine;
        for (DockerRuntime runtime : runtimes) {
            tiers.put(runtime.tier(), warmPool
                    .map(warm -> DockerSandboxOrchestrator.withWarmPool(engine, runtime, settings, warm, refills))
                    .orElseGet(() -> new DockerSandboxOrchestrator(engine, runtime, settings)));
        }
        this.reaper = new OrphanReaper(engine, settings);
    }

    @Override
    public SandboxOrchestrator tier(SecurityTier tier) {
        SandboxOrchestrator orchestrator = tiers.get(tier);
        if (orchestrator == null) {
            throw new SandboxUnavailableException(tier, "this node has no " + tier + " sandbox configured", null);
        }
        return orchestrator;
    }

    /** Asks each tier; an execution runs on one tier only. */
    @Override
    public boolean stop(UUID executionId, String reason) {
        return tiers.values().stream().anyMatch(tier -> tier.stop(executionId, reason));
    }

    @Override
    public List<SandboxHealth> health() {
        DockerEngine.Probe probe = engine.probe();
        List<SandboxHealth> health = tiers.values().stream().map(tier -> tier.health(probe)).toList();
        if (orphansPending.get() && health.stream().anyMatch(SandboxHealth::up)) {
            reclaimOrphans();
        }
        return health;
    }

    @Override
    public void reclaimOrphans() {
        if (!engine.probe().reachable()) {
            orphansPending.set(true);
            return;
        }
        try {
            List<String> removed = reaper.reapOrphans();
            orphansPending.set(false);
            if (!removed.isEmpty()) {
                LOG.info(() -> "removed " + removed.size() + " sandbox container(s) left by an earlier run: " + removed);
            }
        } catch (RuntimeException e) {
            orphansPending.set(true);
            LOG.log(Level.WARNING, e, () -> "could not reap orphaned sandbox containers; retrying later");
        }
    }

    @Override
    public void close() {
        tiers.values().forEach(DockerSandboxOrchestrator::close);
        engine.close();
    }
}
