package dev.symbiont.sandbox.docker;

import dev.symbiont.sandbox.SecurityTier;
import java.util.Map;
import java.util.UUID;

/** Labels on every sandbox container: how the reaper finds what a crashed server left behind. */
final class SandboxLabels {

    static final String SANDBOX = "dev.symbiont.sandbox";
    static final String NODE = "dev.symbiont.sandbox.node";
    static final String INSTANCE = "dev.symbiont.sandbox.instance";
    static final String EXECUTION = "dev.symbiont.sandbox.execution";
    static final String TIER = "dev.symbiont.sandbox.tier";

    private SandboxLabels() {
    }

    static Map<String, String> of(DockerSandboxSettings settings, SecurityTier tier, UUID executionId) {
        return Map.of(SANDBOX, "true", NODE, settings.nodeId(), INSTANCE, settings.instanceId(),
                EXECUTION, executionId.toString(), TIER, tier.name());
    }
}
