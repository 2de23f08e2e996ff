package dev.symbiont.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentConfigurationValidatorTest {

    private final AgentConfigurationValidator validator =
            new AgentConfigurationValidator(new NodeLimits(4096, 2.0, 100, 100, Duration.ofHours(1)));

    private static AgentDefinition definition(ResourceLimits limits, boolean network, List<String> apis) {
        return new AgentDefinition("a", "1", null, List.of(), limits, null, network, false, apis, null, Map.of(), null);
    }

    private static ResourceLimits limits(int memory, double cpu, int disk, int net, Duration timeout) {
        return new ResourceLimits(memory, cpu, disk, net, timeout);
    }

    @Test
    void definitionWithinTheNodeLimitsHasNoProblems() {
        var ok = definition(limits(4096, 2.0, 100, 100, Duration.ofHours(1)), true, List.of("https://x.example"));

        assertThat(validator.problems(ok)).isEmpty();
    }

    @Test
    void everyLimitAboveTheNodeMaximumIsNamed() {
        var tooBig = definition(limits(4097, 2.5, 101, 101, Duration.ofHours(2)), true, List.of());

        assertThat(validator.problems(tooBig)).hasSize(5)
                .anySatisfy(p -> assertThat(p).startsWith("memory_mb 4097"))
                .anySatisfy(p -> assertThat(p).startsWith("cpu_cores 2.5"))
                .anySatisfy(p -> assertThat(p).startsWith("disk_io_mbps 101"))
                .anySatisfy(p -> assertThat(p).startsWith("network_io_mbps 101"))
                .anySatisfy(p -> assertThat(p).startsWith("execution_timeout PT2H"));
    }

    @Test
    void externalApisWithoutNetworkAreContradictory() {
        var noNet = definition(limits(64, 1, 1, 0, Duration.ofMinutes(1)), false, List.of("https://x.example"));

        assertThat(validator.problems(noNet)).containsExactly("external_apis are declared but requires_network is false");
    }

    @Test
    void networkWithZeroBandwidthIsContradictory() {
        var zero = definition(limits(64, 1, 1, 0, Duration.ofMinutes(1)), true, List.of());

        assertThat(validator.problems(zero)).containsExactly("requires_network is true but network_io_mbps is 0");
    }

    @Test
    void externalApisMustBeAbsoluteHttpUrls() {
        var bad = definition(limits(64, 1, 1, 1, Duration.ofMinutes(1)), true,
                List.of("ftp://files.example", "not a url", "https://ok.example/v1"));

        assertThat(validator.problems(bad)).hasSize(2).allSatisfy(p -> assertThat(p).startsWith("external API"));
    }
}
