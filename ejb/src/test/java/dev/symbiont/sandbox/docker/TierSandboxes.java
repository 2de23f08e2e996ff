package dev.symbiont.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.sandbox.ExecutionRequest;
import dev.symbiont.sandbox.ExecutionResult;
import dev.symbiont.sandbox.SandboxLimits;
import dev.symbiont.sandbox.SecurityTier;
import dev.symbiont.sandbox.engine.LocalDockerEngine;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

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

    /** How a test's execution gets its container. */
    enum Start { COLD, WARM }

    /** Every tier with every start, for tests that must hold for both. */
    static Stream<Arguments> tiersAndStarts() {
        return Stream.of(SecurityTier.values())
                .flatMap(tier -> Stream.of(Start.values()).map(start -> Arguments.of(tier, start)));
    }

    static DockerSandboxOrchestrator warmOrchestrator(LocalDockerEngine engine, SecurityTier tier, int size) {
        return DockerSandboxOrchestrator.withWarmPool(engine.engine(), runtime(engine, tier), settings(engine),
                WarmPoolSettings.of(size, 4));
    }

    /**
     * Runs the request cold, or warm in a pool of one pre-warmed for its image and limits (and checks that it did
     * run warm); the pool is closed afterwards.
     */
    static ExecutionResult run(LocalDockerEngine engine, SecurityTier tier, Start start, ExecutionRequest request) {
        if (start == Start.COLD) {
            return orchestrator(engine, tier).run(request);
        }
        try (DockerSandboxOrchestrator sandbox = warmOrchestrator(engine, tier, 1)) {
            sandbox.prewarm(request.image(), request.limits());
            ExecutionResult result = sandbox.run(request);
            assertThat(result.warm()).as("ran in a warm container").isTrue();
            return result;
        }
    }

    /** A shell script in the test image under modest limits. */
    static ExecutionRequest script(LocalDockerEngine engine, SandboxLimits limits, String script) {
        return ExecutionRequest.of(UUID.randomUUID(), engine.image(), limits, "/bin/sh", "-c", script);
    }

    static SandboxLimits modest() {
        return SandboxLimits.modest(Duration.ofSeconds(20));
    }
}
