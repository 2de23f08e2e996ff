package dev.symbiont.sandbox.docker;

import dev.symbiont.sandbox.SecurityTier;
import java.util.Objects;

/**
 * An OCI runtime registered with the Docker engine, and what it can do there.
 *
 * @param name            the runtime's name in the engine's configuration (daemon.json {@code runtimes})
 * @param networkCapable  whether containers on it can be given a network; Debian's runsc has to be registered with
 *                        {@code --network=none} on this kernel, so a gVisor tier has none
 * @param userSpaceKernel gVisor: the agent's processes live in the sandbox's own kernel, so process limits are
 *                        set there and the host cgroup only bounds the sandbox's host threads; a memory overrun
 *                        kills the whole sandbox, so its SIGKILL exit (137) counts as an OOM kill
 */
public record DockerRuntime(SecurityTier tier, String name, boolean networkCapable, boolean userSpaceKernel) {

    public DockerRuntime {
        Objects.requireNonNull(tier, "tier");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("runtime name is required");
        }
    }

    /** Tier 1: Docker's default runtime. */
    public static DockerRuntime runc(String name) {
        return new DockerRuntime(SecurityTier.TIER1, name, true, false);
    }

    /** Tier 2: gVisor, registered without network. */
    public static DockerRuntime gvisor(String name) {
        return new DockerRuntime(SecurityTier.TIER2, name, false, true);
    }
}
