package dev.symbiont.sandbox.docker;

import static dev.symbiont.sandbox.docker.TierSandboxes.modest;
import static dev.symbiont.sandbox.docker.TierSandboxes.orchestrator;
import static dev.symbiont.sandbox.docker.TierSandboxes.script;
import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.sandbox.ExecutionResult;
import dev.symbiont.sandbox.SecurityTier;
import dev.symbiont.sandbox.engine.LocalDockerEngine;
import dev.symbiont.sandbox.engine.LocalDockerEngineExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Cold start per tier, no warm pool: 20 sequential runs of {@code echo ready}, each a new container. Prints p50
 * and p99 of request to first output byte and of request to result (container removed). Every run must answer;
 * the figures are for reading (README, Performance), never asserted.
 */
@Tag("sandbox")
@ExtendWith(LocalDockerEngineExtension.class)
class ColdStartTest {

    private static final int RUNS = 20;

    private final LocalDockerEngine engine;

    ColdStartTest(LocalDockerEngine engine) {
        this.engine = engine;
    }

    @ParameterizedTest
    @EnumSource(SecurityTier.class)
    void everyColdRunAnswersAndTheStartIsPrinted(SecurityTier tier) {
        DockerSandboxOrchestrator sandbox = orchestrator(engine, tier);
        List<Duration> firstOutput = new ArrayList<>();
        List<Duration> complete = new ArrayList<>();
        sandbox.run(script(engine, modest(), "true")); // not counted: first use of the image on this tier
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            ExecutionResult result = sandbox.run(script(engine, modest(), "echo ready"));
            complete.add(Duration.ofNanos(System.nanoTime() - start));
            assertThat(result.stdout().text()).isEqualTo("ready\n");
            firstOutput.add(result.firstOutput().orElseThrow());
        }

        System.out.printf("[cold start] %s: first output p50 %d ms p99 %d ms; complete run p50 %d ms p99 %d ms"
                + " (%d runs)%n", tier, percentile(firstOutput, 50), percentile(firstOutput, 99),
                percentile(complete, 50), percentile(complete, 99), RUNS);
    }

    private static long percentile(List<Duration> samples, int p) {
        List<Long> sorted = samples.stream().map(Duration::toMillis).sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
