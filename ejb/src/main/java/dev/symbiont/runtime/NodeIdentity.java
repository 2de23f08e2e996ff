package dev.symbiont.runtime;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which node this is (symbiont.node.id, by default the host name), stable across restarts, and which life of it
 * (a fresh id per start). Sandbox containers and executions carry both, so a restart finds what its previous life
 * left behind and nothing of another node's.
 */
@ApplicationScoped
public class NodeIdentity {

    @Inject
    @ConfigProperty(name = "symbiont.node.id")
    Optional<String> configuredId;

    private String nodeId;
    private final String instanceId = UUID.randomUUID().toString();

    @PostConstruct
    void resolve() {
        nodeId = configuredId.filter(id -> !id.isBlank()).orElseGet(NodeIdentity::hostName);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
        }
    }

    public String nodeId() {
        return nodeId;
    }

    public String instanceId() {
        return instanceId;
    }
}
