package dev.symbiont.sandbox.docker;

import static dev.symbiont.sandbox.docker.TierSandboxes.modest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symbiont.sandbox.ExecutionRequest;
import dev.symbiont.sandbox.SandboxHealth;
import dev.symbiont.sandbox.SandboxUnavailableException;
import dev.symbiont.sandbox.SecurityTier;
import dev.symbiont.sandbox.engine.LocalDockerEngine;
import dev.symbiont.sandbox.engine.LocalDockerEngineExtension;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A tier whose runtime is missing says so and runs nothing, never unsandboxed. */
@Tag("sandbox")
@ExtendWith(LocalDockerEngineExtension.class)
class SandboxAvailabilityTest {

    private final LocalDockerEngine engine;

    SandboxAvailabilityTest(LocalDockerEngine engine) {
        this.engine = engine;
    }

    @ParameterizedTest
    @EnumSource(SecurityTier.class)
    void withEngineAndRuntimeATierIsUp(SecurityTier tier) {
        SandboxHealth health = TierSandboxes.orchestrator(engine, tier).health();

        assertThat(health.up()).as(health.detail()).isTrue();
        assertThat(health.detail()).contains(TierSandboxes.runtime(engine, tier).name());
    }

    @Test
    void anUnregisteredRuntimeIsReportedDown() {
        SandboxHealth health = orchestratorOn(engine.engine(), DockerRuntime.gvisor("kata-absent")).health();

        assertThat(health.up()).isFalse();
        assertThat(health.detail()).contains("'kata-absent' is not registered");
    }

    @Test
    void aRunOnAnUnregisteredRuntimeFailsAsUnavailable() {
        DockerSandboxOrchestrator tier2 = orchestratorOn(engine.engine(), DockerRuntime.gvisor("kata-absent"));

        assertThatThrownBy(() -> tier2.run(ExecutionRequest.of(UUID.randomUUID(), engine.image(), modest(), "true")))
                .isInstanceOf(SandboxUnavailableException.class)
                .hasMessageContaining("'kata-absent' is not registered");
    }

    private static DockerSandboxOrchestrator orchestratorOn(DockerEngine docker, DockerRuntime runtime) {
        return new DockerSandboxOrchestrator(docker, runtime,
                new DockerSandboxSettings("test-node", "instance", "65534:65534", "bridge", List.of()));
    }
}
