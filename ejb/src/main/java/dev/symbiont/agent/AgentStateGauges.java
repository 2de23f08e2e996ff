package dev.symbiont.agent;

import dev.symbiont.lifecycle.AgentState;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Gauge {@code symbiont_agents{state=...}}: agents per lifecycle state. Counted in the database (so every node of a
 * cluster reports the same) on a managed scheduler, not on the scrape thread; at most one refresh interval old.
 * Started by {@link dev.symbiont.runtime.RuntimeStartup} after the schema is migrated.
 */
@ApplicationScoped
public class AgentStateGauges {

    private static final Logger LOG = Logger.getLogger(AgentStateGauges.class.getName());

    private final Map<AgentState, AtomicLong> counts = new EnumMap<>(AgentState.class);
    private ScheduledFuture<?> refresher;

    @Inject
    AgentService agents;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "symbiont.metrics.refresh-interval", defaultValue = "PT5S")
    Duration interval;

    /** Called by RuntimeStartup once the schema exists. */
    public void start() {
        var metadata = Metadata.builder().withName("symbiont.agents")
                .withDescription("Agents per lifecycle state").build();
        for (AgentState state : AgentState.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(state, count);
            registry.gauge(metadata, count, AtomicLong::get, new Tag("state", state.label()));
        }
        refresher = scheduler.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (refresher != null) {
            refresher.cancel(false);
        }
    }

    void refresh() {
        try {
            agents.countByState().forEach((state, n) -> counts.get(state).set(n));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "agent counts not refreshed", e);
        }
    }
}
