package dev.symbiont.sandbox.docker;

import dev.symbiont.runtime.NodeIdentity;
import dev.symbiont.sandbox.Sandboxes;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Docker adapter of {@link Sandboxes}, from MP Config (symbiont.sandbox.*). Connecting is lazy: without an
 * engine the runtime starts, and readiness and executions say what is missing.
 */
@ApplicationScoped
public class DockerSandboxConfiguration {

    /** The default of symbiont.sandbox.engine-connections; public so SandboxedTasksBenchmark measures what ships. */
    public static final String DEFAULT_ENGINE_CONNECTIONS = "1024";

    /** Else the standard DOCKER_HOST, else the engine's default socket. */
    @Inject
    @ConfigProperty(name = "symbiont.sandbox.docker-host")
    Optional<String> dockerHost;

    @Inject
    @ConfigProperty(name = "symbiont.sandbox.tier1-runtime", defaultValue = "runc")
    String tier1Runtime;

    @Inject
    @ConfigProperty(name = "symbiont.sandbox.tier2-runtime", defaultValue = "runsc")
    String tier2Runtime;

    @Inject
    @ConfigProperty(name = "symbiont.sandbox.user", defaultValue = "65534:65534")
    String user;

    @Inject
    @ConfigProperty(name = "symbiont.sandbox.granted-network", defaultValue = "bridge")
    String grantedNetwork;

    /** Host block devices under the engine's data root; disk rate limits apply to these. */
    @Inject
    @ConfigProperty(name = "symbiont.sandbox.blkio-devices")
    Optional<List<String>> blkioDevices;

    /**
     * Connections to the engine at most: each running execution or task holds about three (attach, wait, stats).
     * A cap, not a reservation; sized for scheduled tasks too, which the execution limit does not bound. With all
     * in use a request waits {@link DockerEngine#CONNECTION_WAIT} for one, then fails saying the cap was reached.
     */
    @Inject
    @ConfigProperty(name = "symbiont.sandbox.engine-connections", defaultValue = DEFAULT_ENGINE_CONNECTIONS)
    int engineConnections;

    /**
     * Idle pre-started containers kept per tier, image and container limits; 0 turns the warm pool off and every
     * run creates its container.
     */
    @Inject
    @ConfigProperty(name = "symbiont.sandbox.warm-pool.size", defaultValue = "1")
    int warmPoolSize;

    /** Distinct image-and-limits keys each tier warms at most; runs of other keys are cold. */
    @Inject
    @ConfigProperty(name = "symbiont.sandbox.warm-pool.max-keys", defaultValue = "16")
    int warmPoolMaxKeys;

    /** What a warm container runs while it waits; must exist in every image that runs warm. */
    @Inject
    @ConfigProperty(name = "symbiont.sandbox.warm-pool.idle-command", defaultValue = "sleep,2147483647")
    List<String> warmIdleCommand;

    @Inject
    NodeIdentity node;

    /** Refills the warm pools in the background, with the application's context. */
    @Resource
    ManagedExecutorService refills;

    @Produces
    @ApplicationScoped
    Sandboxes sandboxes() {
        var settings = new DockerSandboxSettings(node.nodeId(), node.instanceId(), user, grantedNetwork,
                blkioDevices.orElse(List.of()));
        String host = dockerHost.filter(h -> !h.isBlank())
                .or(() -> Optional.ofNullable(System.getenv("DOCKER_HOST")).filter(h -> !h.isBlank()))
                .orElse("unix:///var/run/docker.sock");
        DockerEngine engine = DockerEngine.connect(host, engineConnections);
        Optional<WarmPoolSettings> warm = warmPoolSize == 0 ? Optional.empty()
                : Optional.of(new WarmPoolSettings(warmPoolSize, warmPoolMaxKeys, warmIdleCommand));
        return new DockerSandboxes(engine, settings,
                List.of(DockerRuntime.runc(tier1Runtime), DockerRuntime.gvisor(tier2Runtime)), warm, refills);
    }

    void close(@Disposes Sandboxes sandboxes) {
        if (sandboxes instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // shutting down: nothing left to do with the connection
            }
        }
    }
}
