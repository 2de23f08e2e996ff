package dev.symbiont.sandbox.docker;

import dev.symbiont.sandbox.ExecutionRequest;
import dev.symbiont.sandbox.SandboxLimits;
import dev.symbiont.sandbox.SecurityTier;
import dev.symbiont.sandbox.engine.LocalDockerEngine;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** The two tiers on the test engine, configured as the runtime would be. */
final class TierSandboxes {

    static final String NODE = "test-node";
    /** One instance per test JVM, as per server process. */
    static final String INSTANCE = UUID.randomUUID().toString();

    private TierSandboxes() {
    }

    static DockerSandboxSettings settings(LocalDockerEngine engine) {
        return new DockerSandboxSettings(NODE, INSTANCE, "65534:65534", "bridge",
                engine.blockDevice().map(List::of).orElse(List.of()));
    }

    static DockerRuntime runtime(LocalDockerEngine engine, SecurityTier tier) {
        return switch (tier) {
            case TIER1 -> DockerRuntime.runc("runc");
            case TIER2 -> DockerRuntime.gvisor(engine.gvisorRuntime());
        };
    }

    static DockerSandboxOrchestrator orchestrator(LocalDockerEngine engine, SecurityTier tier) {
        return new DockerSandboxOrchestrator(engine.engine(), runtime(engine, tier), settings(engine));
    }

    /** A shell script in the test image under modest limits. */
    static ExecutionRequest script(LocalDockerEngine engine, SandboxLimits limits, String script) {
        return ExecutionRequest.of(UUID.randomUUID(), engine.image(), limits, "/bin/sh", "-c", script);
    }

    static SandboxLimits modest() {
        return SandboxLimits.modest(Duration.ofSeconds(20));
    }
}
