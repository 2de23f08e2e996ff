package dev.symbiont.sandbox.docker;

import static dev.symbiont.sandbox.docker.TierSandboxes.modest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symbiont.sandbox.ExecutionRequest;
import dev.symbiont.sandbox.SandboxHealth;
import dev.symbiont.sandbox.SandboxUnavailableException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Without an engine a tier says what is missing and runs nothing, never unsandboxed. No Docker needed. */
class SandboxWithoutEngineTest {

    private static final String NO_ENGINE = "unix:///nonexistent/symbiont/docker.sock";
    private static final String IMAGE = "symbiont/busybox:test";

    @Test
    void anUnreachableEngineIsReportedDownWithItsAddress() {
        try (DockerEngine absent = DockerEngine.connect(NO_ENGINE, 4)) {
            SandboxHealth health = orchestratorOn(absent, DockerRuntime.gvisor("runsc")).health();

            assertThat(health.up()).isFalse();
            assertThat(health.detail()).contains("not reachable", NO_ENGINE);
        }
    }

    @Test
    void aRunWithoutEngineFailsAsUnavailable() {
        try (DockerEngine absent = DockerEngine.connect(NO_ENGINE, 4)) {
            DockerSandboxOrchestrator tier1 = orchestratorOn(absent, DockerRuntime.runc("runc"));
            ExecutionRequest request = ExecutionRequest.of(UUID.randomUUID(), IMAGE, modest(), "true");

            assertThatThrownBy(() -> tier1.run(request))
                    .isInstanceOf(SandboxUnavailableException.class)
                    .hasMessageContaining("not reachable at " + NO_ENGINE);
        }
    }

    private static DockerSandboxOrchestrator orchestratorOn(DockerEngine docker, DockerRuntime runtime) {
        return new DockerSandboxOrchestrator(docker, runtime,
                new DockerSandboxSettings("test-node", "instance", "65534:65534", "bridge", List.of()));
    }
}
