package dev.symbiont.sandbox.docker;

import static dev.symbiont.sandbox.docker.TierSandboxes.modest;
import static dev.symbiont.sandbox.docker.TierSandboxes.orchestrator;
import static dev.symbiont.sandbox.docker.TierSandboxes.run;
import static dev.symbiont.sandbox.docker.TierSandboxes.script;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.Container;
import dev.symbiont.sandbox.ExecutionRequest;
import dev.symbiont.sandbox.ExecutionResult;
import dev.symbiont.sandbox.SandboxRequestRefusedException;
import dev.symbiont.sandbox.SecurityTier;
import dev.symbiont.sandbox.Termination;
import dev.symbiont.sandbox.docker.TierSandboxes.Start;
import dev.symbiont.sandbox.engine.LocalDockerEngine;
import dev.symbiont.sandbox.engine.LocalDockerEngineExtension;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Input, output and bookkeeping of a run, on each tier. */
@Tag("sandbox")
@ExtendWith(LocalDockerEngineExtension.class)
class SandboxExecutionTest {

    private final LocalDockerEngine engine;

    SandboxExecutionTest(LocalDockerEngine engine) {
        this.engine = engine;
    }

    @ParameterizedTest
    @MethodSource("dev.symbiont.sandbox.docker.TierSandboxes#tiersAndStarts")
    void stdinPayloadReachesTheProcessFollowedByEndOfFile(SecurityTier tier, Start start) throws NoSuchAlgorithmException {
        byte[] payload = new byte[300_000];
        new Random(7).nextBytes(payload);

        ExecutionResult result = run(engine, tier, start, script(engine, modest(), "sha256sum")
                .withStdin(payload));

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        assertThat(result.succeeded()).as(result.stderr().text()).isTrue();
        assertThat(result.stdout().text()).startsWith(expected);
    }

    @ParameterizedTest
    @MethodSource("dev.symbiont.sandbox.docker.TierSandboxes#tiersAndStarts")
    void stdoutBeyondTheCapIsTruncatedAndFlagged(SecurityTier tier, Start start) {
        ExecutionResult result = run(engine, tier, start, script(engine, modest().withOutputCapBytes(65_536),
                "yes 0123456789abcdef | head -c 1000000; echo done >&2"));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.stdout().bytes()).hasSize(65_536);
        assertThat(result.stdout().totalBytes()).isEqualTo(1_000_000);
        assertThat(result.stdout().truncated()).isTrue();
        assertThat(result.stdout().text()).startsWith("0123456789abcdef\n0123456789abcdef\n");
        assertThat(result.stderr().truncated()).isFalse();
        assertThat(result.stderr().text()).isEqualTo("done\n");
    }

    @ParameterizedTest
    @MethodSource("dev.symbiont.sandbox.docker.TierSandboxes#tiersAndStarts")
    void exitCodeStderrAndEnvironmentComeThrough(SecurityTier tier, Start start) {
        ExecutionRequest request = script(engine, modest(), "echo \"$GREETING\"; echo oops >&2; exit 3")
                .withEnvironment(Map.of("GREETING", "hello agent"));

        ExecutionResult result = run(engine, tier, start, request);

        assertThat(result.termination()).isEqualTo(Termination.EXITED);
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout().text()).isEqualTo("hello agent\n");
        assertThat(result.stderr().text()).isEqualTo("oops\n");
        assertThat(result.tier()).isEqualTo(tier);
        assertThat(result.executionId()).isEqualTo(request.executionId());
    }

    @ParameterizedTest
    @EnumSource(SecurityTier.class)
    void noContainerRemainsAfterARun(SecurityTier tier) {
        ExecutionRequest request = script(engine, modest(), "echo bye");

        orchestrator(engine, tier).run(request);

        assertThat(containersOf(request.executionId())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SecurityTier.class)
    void noContainerRemainsAfterATimeout(SecurityTier tier) {
        ExecutionRequest request = script(engine, modest().withTimeout(Duration.ofMillis(500)), "sleep 30");

        ExecutionResult result = orchestrator(engine, tier).run(request);

        assertThat(result.termination()).isEqualTo(Termination.TIMED_OUT);
        assertThat(containersOf(request.executionId())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("dev.symbiont.sandbox.docker.TierSandboxes#tiersAndStarts")
    void peakMemoryIsSampledForARunOfSomeSeconds(SecurityTier tier, Start start) {
        String doubleTo32MiBThenWait = "BEGIN { s = \"x\"; for (i = 0; i < 25; i++) s = s s; system(\"sleep 2\");"
                + " print length(s) }";
        ExecutionResult result = run(engine, tier, start, ExecutionRequest.of(UUID.randomUUID(), engine.image(),
                modest(), "awk", doubleTo32MiBThenWait));

        assertThat(result.stdout().text()).isEqualTo("33554432\n");
        assertThat(result.peakMemoryBytes()).isPresent();
        assertThat(result.peakMemoryBytes().getAsLong()).isBetween(32L << 20, 128L << 20);
    }

    @ParameterizedTest
    @EnumSource(SecurityTier.class)
    void concurrentRunsKeepTheirOutputApart(SecurityTier tier) throws Exception {
        DockerSandboxOrchestrator sandbox = orchestrator(engine, tier);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ExecutionResult>> runs = IntStream.range(0, 4)
                    .mapToObj(i -> executor.submit(() -> sandbox.run(script(engine, modest(), "echo run-" + i))))
                    .toList();
            for (int i = 0; i < runs.size(); i++) {
                assertThat(runs.get(i).get().stdout().text()).isEqualTo("run-" + i + "\n");
            }
        }
    }

    @Test
    void anImageTheEngineDoesNotHaveIsRefused() {
        ExecutionRequest request = ExecutionRequest.of(UUID.randomUUID(), "symbiont/absent:none", modest(), "true");

        assertThatThrownBy(() -> orchestrator(engine, SecurityTier.TIER1).run(request))
                .isInstanceOf(SandboxRequestRefusedException.class)
                .hasMessageContaining("symbiont/absent:none is not present");
    }

    private List<Container> containersOf(UUID executionId) {
        return engine.engine().client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(SandboxLabels.EXECUTION, executionId.toString())).exec();
    }
}
