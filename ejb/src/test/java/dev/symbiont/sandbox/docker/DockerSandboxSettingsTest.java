package dev.symbiont.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DockerSandboxSettingsTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "0:0", "root", "root:65534", " "})
    void agentCodeNeverRunsAsRoot(String user) {
        assertThatThrownBy(() -> new DockerSandboxSettings("node", "instance", user, "bridge", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
