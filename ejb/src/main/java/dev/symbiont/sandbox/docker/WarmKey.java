package dev.symbiont.sandbox.docker;

import dev.symbiont.sandbox.SandboxLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * What a warm container is interchangeable for: the image, and every limit that is fixed when a container is
 * created (memory, CPU, processes, scratch size, disk rates). The timeout and the output cap are the run's own, so
 * they are left out of the key. Limits cannot be changed afterwards instead: gVisor's runsc has no {@code update}
 * (measured: "docker update" fails on it) and the scratch tmpfs size is a mount option on both tiers.
 *
 * @param containerLimits the request's limits with timeout and output cap set to fixed values
 */
record WarmKey(String image, SandboxLimits containerLimits) {

    private static final Duration ANY_TIMEOUT = Duration.ofSeconds(1);

    WarmKey {
        Objects.requireNonNull(image, "image");
        containerLimits = containerLimits.withTimeout(ANY_TIMEOUT).withOutputCapBytes(0);
    }
}
