package dev.symbiont.sandbox.docker;

import java.util.List;
import java.util.Objects;

/**
 * How this node runs sandbox containers, the same for every tier.
 *
 * @param nodeId          labels this node's containers, so a restart reaps only its own
 * @param instanceId      labels this process's containers; anything of this node with another instance is an orphan
 * @param user            uid:gid the agent's processes run as; never root
 * @param grantedNetwork  the engine network a container joins when its policy grants network
 * @param blkioDevices    host block devices the disk rate limits apply to (the ones under the engine's data root);
 *                        none means disk limits are not applied, which the orchestrator's health says
 */
public record DockerSandboxSettings(String nodeId, String instanceId, String user, String grantedNetwork,
                                    List<String> blkioDevices) {

    public DockerSandboxSettings {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(grantedNetwork, "grantedNetwork");
        blkioDevices = blkioDevices == null ? List.of() : List.copyOf(blkioDevices);
        if (user == null || user.isBlank() || isRoot(user)) {
            throw new IllegalArgumentException("sandbox user must be a non-root uid:gid, was " + user);
        }
    }

    private static boolean isRoot(String user) {
        String uid = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        return uid.equals("0") || uid.equals("root");
    }
}
