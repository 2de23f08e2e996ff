package dev.symbiont.sandbox.docker;

import static dev.symbiont.sandbox.docker.TierSandboxes.modest;
import static dev.symbiont.sandbox.docker.TierSandboxes.runtime;
import static dev.symbiont.sandbox.docker.TierSandboxes.script;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import dev.symbiont.sandbox.ExecutionRequest;
import dev.symbiont.sandbox.ExecutionResult;
import dev.symbiont.sandbox.SecurityTier;
import dev.symbiont.sandbox.Termination;
import dev.symbiont.sandbox.docker.TierSandboxes.Start;
import dev.symbiont.sandbox.engine.LocalDockerEngine;
import dev.symbiont.sandbox.engine.LocalDockerEngineExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stopping a run on request, on each tier, cold and warm: it ends promptly as STOPPED (on gVisor too, where a kill's
 * 137 would otherwise count as a memory kill), and leaves no container behind. Each test has an instance id of its
 * own, so its warm containers are told apart from everything else on the engine.
 */
@Tag("sandbox")
@ExtendWith(LocalDockerEngineExtension.class)
class SandboxStopTest {

    /** The process leaves a marker once it runs (after its first output), so a test can stop it knowing that. */
    private static final String LONG_RUN = "echo running; touch /tmp/running; sleep 30; echo finished";
    /** "Within a couple of seconds" of the stop, kill and removal included; not a benchmark. */
    private static final Duration PROMPTLY = Duration.ofSeconds(3);
    /** Only a bound on waiting for something that should have happened long before. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final LocalDockerEngine engine;
    private final DockerClient client;
    private final DockerSandboxSettings settings;
    private final List<DockerSandboxOrchestrator> sandboxes = new ArrayList<>();
    private final ExecutorService runs = Executors.newVirtualThreadPerTaskExecutor();

    SandboxStopTest(LocalDockerEngine engine) {
        this.engine = engine;
        this.client = engine.engine().client();
        DockerSandboxSettings shared = TierSandboxes.settings(engine);
        this.settings = new DockerSandboxSettings(TierSandboxes.NODE, "stop-test-" + UUID.randomUUID(),
                shared.user(), shared.grantedNetwork(), shared.blkioDevices());
    }

    @AfterEach
    void closeSandboxes() {
        runs.shutdownNow();
        sandboxes.forEach(DockerSandboxOrchestrator::close);
    }

    @ParameterizedTest
    @MethodSource("dev.symbiont.sandbox.docker.TierSandboxes#tiersAndStarts")
    void aRunningProcessIsStoppedPromptlyAndItsContainerRemoved(SecurityTier tier, Start start) throws Exception {
        DockerSandboxOrchestrator sandbox = sandbox(tier, start);
        List<String> warmContainers = containersOfThisTest();
        ExecutionRequest request = script(engine, modest().withTimeout(Duration.ofSeconds(60)), LONG_RUN);
        Future<ExecutionResult> run = runs.submit(() -> sandbox.run(request));
        awaitRunning(request.executionId(), warmContainers);

        long stopped = System.nanoTime();
        assertThat(sandbox.stop(request.executionId(), "preempted by a task of higher priority")).isTrue();
        ExecutionResult result = run.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(PROMPTLY);
        assertThat(result.termination()).isEqualTo(Termination.STOPPED);
        assertThat(result.stopReason()).contains("preempted by a task of higher priority");
        assertThat(result.exitCode()).isEqualTo(137);
        assertThat(result.stdout().text()).isEqualTo("running\n");
        assertThat(result.warm()).isEqualTo(start == Start.WARM);
        assertThat(containersOf(request.executionId())).isEmpty();
        assertThat(allContainerIds()).as("the warm container it ran in").noneMatch(warmContainers::contains);
    }

    /**
     * A run first asks the warm pool for a container, under the pool's lock: holding that lock keeps the run from
     * taking or creating one while the stop is accepted. The process never starts, and once the pool is closed
     * nothing of the test is left (a warm container taken for the run is the run's to remove).
     */
    @ParameterizedTest
    @MethodSource("dev.symbiont.sandbox.docker.TierSandboxes#tiersAndStarts")
    void aStopBeforeTheContainerExistsKeepsTheProcessFromStarting(SecurityTier tier, Start start) throws Exception {
        DockerSandboxOrchestrator sandbox = pooled(tier, start == Start.WARM);
        WarmPool pool = sandbox.warmPool().orElseThrow();
        ExecutionRequest request = script(engine, modest(), LONG_RUN);
        Future<ExecutionResult> run;
        synchronized (pool) {
            run = runs.submit(() -> sandbox.run(request));
            while (!sandbox.stop(request.executionId(), "task cancelled")) {
                Thread.onSpinWait();
            }
        }
        ExecutionResult result = run.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        assertThat(result.termination()).isEqualTo(Termination.STOPPED);
        assertThat(result.stopReason()).contains("task cancelled");
        assertThat(result.exitCode()).as("no process").isEqualTo(-1);
        assertThat(result.stdout().totalBytes()).isZero();
        assertThat(result.duration()).isZero();
        sandbox.close();
        assertThat(containersOfThisTest()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("dev.symbiont.sandbox.docker.TierSandboxes#tiersAndStarts")
    void aRunThatEndedByItselfIsExitedAndCannotBeStoppedAnymore(SecurityTier tier, Start start) {
        DockerSandboxOrchestrator sandbox = sandbox(tier, start);
        ExecutionRequest request = script(engine, modest(), "echo done");

        ExecutionResult result = sandbox.run(request);

        assertThat(result.termination()).isEqualTo(Termination.EXITED);
        assertThat(result.stopReason()).isEmpty();
        assertThat(sandbox.stop(request.executionId(), "too late")).isFalse();
    }

    @Test
    void aStopOfAnExecutionThatNeverRanHereIsRefused() {
        DockerSandboxOrchestrator sandbox = sandbox(SecurityTier.TIER1, Start.COLD);

        assertThat(sandbox.stop(UUID.randomUUID(), "cancelled")).isFalse();
    }

    /** The node's sandboxes are not closed: that would close the test engine's connection; they have no pool. */
    @Test
    void theNodesSandboxesStopAnExecutionOnWhicheverTierRunsIt() throws Exception {
        DockerSandboxes node = new DockerSandboxes(engine.engine(), settings,
                List.of(runtime(engine, SecurityTier.TIER1), runtime(engine, SecurityTier.TIER2)), Optional.empty(),
                Runnable::run);
        ExecutionRequest request = script(engine, modest(), LONG_RUN);
        Future<ExecutionResult> run = runs.submit(() -> node.tier(SecurityTier.TIER2).run(request));
        awaitRunning(request.executionId(), List.of());

        assertThat(node.stop(UUID.randomUUID(), "cancelled")).isFalse();
        assertThat(node.stop(request.executionId(), "cancelled")).isTrue();
        assertThat(run.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).termination()).isEqualTo(Termination.STOPPED);
    }

    /** Cold: every run creates its container; warm: one container prewarmed for the test's requests. */
    private DockerSandboxOrchestrator sandbox(SecurityTier tier, Start start) {
        if (start == Start.WARM) {
            return pooled(tier, true);
        }
        DockerSandboxOrchestrator sandbox = new DockerSandboxOrchestrator(engine.engine(), runtime(engine, tier),
                settings);
        sandboxes.add(sandbox);
        return sandbox;
    }

    /** With a warm pool of one, prewarmed or empty (then a run finds none and goes cold). */
    private DockerSandboxOrchestrator pooled(SecurityTier tier, boolean prewarmed) {
        DockerSandboxOrchestrator sandbox = DockerSandboxOrchestrator.withWarmPool(engine.engine(),
                runtime(engine, tier), settings, WarmPoolSettings.of(1, 4));
        sandboxes.add(sandbox);
        if (prewarmed) {
            sandbox.prewarm(engine.image(), modest());
        }
        return sandbox;
    }

    /** Until the run's process wrote its marker, in its own container or in one of the warm ones given. */
    private void awaitRunning(UUID executionId, List<String> warmContainers) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> candidates = new ArrayList<>(warmContainers);
            containersOf(executionId).forEach(c -> candidates.add(c.getId()));
            if (candidates.stream().anyMatch(this::hasMarker)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the process of " + executionId + " did not start within " + PATIENCE);
    }

    private boolean hasMarker(String containerId) {
        try {
            String exec = client.execCreateCmd(containerId).withCmd("test", "-e", "/tmp/running").exec().getId();
            client.execStartCmd(exec).exec(new ResultCallback.Adapter<Frame>()).awaitCompletion(5, TimeUnit.SECONDS);
            Long exitCode = client.inspectExecCmd(exec).exec().getExitCodeLong();
            return exitCode != null && exitCode == 0;
        } catch (RuntimeException e) {
            return false; // not running yet, or no longer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<Container> containersOf(UUID executionId) {
        return client.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(SandboxLabels.EXECUTION, executionId.toString())).exec();
    }

    private List<String> containersOfThisTest() {
        return client.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(SandboxLabels.INSTANCE, settings.instanceId())).exec().stream()
                .map(Container::getId).toList();
    }

    private List<String> allContainerIds() {
        return client.listContainersCmd().withShowAll(true).exec().stream().map(Container::getId).toList();
    }
}
