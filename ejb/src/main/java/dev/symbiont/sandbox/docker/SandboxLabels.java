package dev.symbiont.sandbox.docker;

import dev.symbiont.sandbox.SecurityTier;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Labels on every sandbox container: how the reaper finds what a crashed server left behind. */
final class SandboxLabels {

    static final String SANDBOX = "dev.symbiont.sandbox";
    static final String NODE = "dev.symbiont.sandbox.node";
    static final String INSTANCE = "dev.symbiont.sandbox.instance";
    static final String EXECUTION = "dev.symbiont.sandbox.execution";
    static final String TIER = "dev.symbiont.sandbox.tier";
    /** On warm-pool containers, whose execution label names the container, not an execution. */
    static final String WARM = "dev.symbiont.sandbox.warm";

    private SandboxLabels() {
    }

    static Map<String, String> of(DockerSandboxSettings settings, SecurityTier tier, UUID executionId) {
        return Map.of(SANDBOX, "true", NODE, settings.nodeId(), INSTANCE, settings.instanceId(),
                EXECUTION, executionId.toString(), TIER, tier.name());
    }

    /** The same labels as an execution's, so the reaper finds warm containers a crashed server left idle. */
    static Map<String, String> warm(DockerSandboxSettings settings, SecurityTier tier, UUID warmId) {
        Map<String, String> labels = new HashMap<>(of(settings, tier, warmId));
        labels.put(WARM, "true");
        return Map.copyOf(labels);
    }
}
