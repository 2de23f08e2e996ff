package dev.symbiont.sandbox.docker;

import static dev.symbiont.sandbox.docker.TierSandboxes.modest;
import static dev.symbiont.sandbox.docker.TierSandboxes.runtime;
import static dev.symbiont.sandbox.docker.TierSandboxes.script;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.symbiont.sandbox.ExecutionResult;
import dev.symbiont.sandbox.SandboxLimits;
import dev.symbiont.sandbox.SandboxRequestRefusedException;
import dev.symbiont.sandbox.SecurityTier;
import dev.symbiont.sandbox.Termination;
import dev.symbiont.sandbox.engine.LocalDockerEngine;
import dev.symbiont.sandbox.engine.LocalDockerEngineExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The warm pool on each tier: single use, bounded, refilled, cleaned up. Each test's pool has an instance id of
 * its own, so its containers can be counted apart from everything else on the engine.
 */
@Tag("sandbox")
@ExtendWith(LocalDockerEngineExtension.class)
class WarmPoolTest {

    /** Not a timing assertion: only a bound on waiting for a refill that never comes. */
    private static final Duration REFILL_WAIT = Duration.ofSeconds(60);

    private final LocalDockerEngine engine;
    private final DockerClient client;
    private final DockerSandboxSettings settings;
    private final List<DockerSandboxOrchestrator> pools = new ArrayList<>();

    WarmPoolTest(LocalDockerEngine engine) {
        this.engine = engine;
        this.client = engine.engine().client();
        DockerSandboxSettings shared = TierSandboxes.settings(engine);
        this.settings = new DockerSandboxSettings(TierSandboxes.NODE, "warm-test-" + UUID.randomUUID(),
                shared.user(), shared.grantedNetwork(), shared.blkioDevices());
    }

    @AfterEach
    void closePools() {
        pools.forEach(DockerSandboxOrchestrator::close);
    }

    @ParameterizedTest
    @EnumSource(SecurityTier.class)
    void aRunTakesAPrewarmedContainerAndRemovesIt(SecurityTier tier) {
        DockerSandboxOrchestrator sandbox = pool(tier, 1);
        assertThat(sandbox.prewarm(engine.image(), modest())).isEqualTo(1);
        List<String> prewarmed = warmContainers();

        ExecutionResult result = sandbox.run(script(engine, modest(), "echo warm"));

        assertThat(result.warm()).isTrue();
        assertThat(result.stdout().text()).isEqualTo("warm\n");
        assertThat(prewarmed).hasSize(1);
        assertThat(allContainerIds()).doesNotContain(prewarmed.getFirst());
    }

    @ParameterizedTest
    @EnumSource(SecurityTier.class)
    void aWarmContainerIsNeverReused(SecurityTier tier) throws InterruptedException {
        DockerSandboxOrchestrator sandbox = pool(tier, 1);
        sandbox.prewarm(engine.image(), modest());
        String leaveTrace = "ls -A /tmp; touch /tmp/left-by-an-earlier-run; hostname";

        ExecutionResult first = sandbox.run(script(engine, modest(), leaveTrace));
        sandbox.warmPool().orElseThrow().awaitRefills(REFILL_WAIT);
        ExecutionResult second = sandbox.run(script(engine, modest(), leaveTrace));

        assertThat(first.warm()).isTrue();
        assertThat(second.warm()).isTrue();
        assertThat(second.stdout().text()).doesNotContain("left-by-an-earlier-run");
        assertThat(second.stdout().text().strip()).isNotEqualTo(first.stdout().text().strip());
    }

    @ParameterizedTest
    @EnumSource(SecurityTier.class)
    void thePoolRefillsToItsSizeAndNeverHoldsMore(SecurityTier tier) throws Exception {
        DockerSandboxOrchestrator sandbox = pool(tier, 2);
        WarmPool pool = sandbox.warmPool().orElseThrow();
        sandbox.prewarm(engine.image(), modest());
        AtomicInteger mostIdle = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread watcher = Thread.ofVirtual().start(() -> {
            while (running.get()) {
                mostIdle.accumulateAndGet(pool.idleCount(engine.image(), modest()), Math::max);
                Thread.onSpinWait();
            }
        });

        List<ExecutionResult> results = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ExecutionResult>> runs = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                runs.add(executor.submit(() -> sandbox.run(script(engine, modest(), "echo ok"))));
            }
            for (Future<ExecutionResult> run : runs) {
                results.add(run.get());
            }
        }
        pool.awaitRefills(REFILL_WAIT);
        running.set(false);
        watcher.join();

        assertThat(results).allSatisfy(r -> assertThat(r.stdout().text()).isEqualTo("ok\n"));
        assertThat(results).anySatisfy(r -> assertThat(r.warm()).isTrue());
        assertThat(mostIdle.get()).isLessThanOrEqualTo(2);
        assertThat(pool.idleCount(engine.image(), modest())).isEqualTo(2);
        assertThat(warmContainers()).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(SecurityTier.class)
    void closeRemovesTheIdleContainers(SecurityTier tier) {
        DockerSandboxOrchestrator sandbox = pool(tier, 2);
        sandbox.prewarm(engine.image(), modest());
        assertThat(warmContainers()).hasSize(2);

        sandbox.close();

        assertThat(warmContainers()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SecurityTier.class)
    void idleContainersOfACrashedServerAreReapedByTheNextInstance(SecurityTier tier) {
        pool(tier, 2).prewarm(engine.image(), modest()); // never closed: the server "crashed"
        List<String> leftIdle = warmContainers();

        List<String> reaped = new OrphanReaper(engine.engine(), TierSandboxes.settings(engine)).reapOrphans();

        assertThat(leftIdle).hasSize(2);
        assertThat(reaped).containsAll(leftIdle);
        assertThat(warmContainers()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SecurityTier.class)
    void aWarmContainerThatDiedIsDiscardedAndTheRunGoesCold(SecurityTier tier) {
        DockerSandboxOrchestrator sandbox = pool(tier, 1);
        sandbox.prewarm(engine.image(), modest());
        String dead = warmContainers().getFirst();
        client.killContainerCmd(dead).exec();

        ExecutionResult result = sandbox.run(script(engine, modest(), "id -u"));

        assertThat(result.warm()).isFalse();
        assertThat(result.stdout().text()).isEqualTo("65534\n");
        assertThat(allContainerIds()).doesNotContain(dead);
    }

    @ParameterizedTest
    @EnumSource(SecurityTier.class)
    void otherLimitsRunColdAndAreWarmedForNextTime(SecurityTier tier) throws InterruptedException {
        DockerSandboxOrchestrator sandbox = pool(tier, 1);
        sandbox.prewarm(engine.image(), modest());
        SandboxLimits bigger = modest().withMemoryBytes(256L << 20);

        ExecutionResult first = sandbox.run(script(engine, bigger, "true"));
        sandbox.warmPool().orElseThrow().awaitRefills(REFILL_WAIT);
        ExecutionResult second = sandbox.run(script(engine, bigger, "true"));

        assertThat(first.warm()).isFalse();
        assertThat(second.warm()).isTrue();
    }

    @Test
    void aTimeoutAndOutputCapDoNotNeedAContainerOfTheirOwn() {
        DockerSandboxOrchestrator sandbox = pool(SecurityTier.TIER1, 1);
        sandbox.prewarm(engine.image(), modest());

        ExecutionResult result = sandbox.run(script(engine, modest().withTimeout(Duration.ofSeconds(3))
                .withOutputCapBytes(2), "echo truncated"));

        assertThat(result.warm()).isTrue();
        assertThat(result.stdout().text()).isEqualTo("tr");
    }

    /** A cold gVisor run cannot tell this from a memory kill (both end the sandbox with 137); a warm one can. */
    @Test
    void onTier2AWarmProcessKilledBySignalIsNotTakenForAnOomKill() {
        DockerSandboxOrchestrator sandbox = pool(SecurityTier.TIER2, 1);
        sandbox.prewarm(engine.image(), modest());

        ExecutionResult result = sandbox.run(script(engine, modest(), "kill -9 $$"));

        assertThat(result.warm()).isTrue();
        assertThat(result.termination()).isEqualTo(Termination.EXITED);
        assertThat(result.exitCode()).isEqualTo(137);
    }

    @Test
    void networkGrantedRunsAreAlwaysCold() {
        DockerSandboxOrchestrator sandbox = pool(SecurityTier.TIER1, 1);
        sandbox.prewarm(engine.image(), modest());

        ExecutionResult result = sandbox.run(script(engine, modest(), "true").withNetworkAllowed(true));

        assertThat(result.warm()).isFalse();
        assertThat(sandbox.warmPool().orElseThrow().idleCount(engine.image(), modest())).isEqualTo(1);
    }

    @Test
    void prewarmingAnImageTheEngineDoesNotHaveIsRefused() {
        DockerSandboxOrchestrator sandbox = pool(SecurityTier.TIER1, 1);

        assertThatThrownBy(() -> sandbox.prewarm("symbiont/absent:none", modest()))
                .isInstanceOf(SandboxRequestRefusedException.class)
                .hasMessageContaining("symbiont/absent:none is not present");
        assertThat(warmContainers()).isEmpty();
    }

    private DockerSandboxOrchestrator pool(SecurityTier tier, int size) {
        DockerSandboxOrchestrator sandbox = DockerSandboxOrchestrator.withWarmPool(engine.engine(),
                runtime(engine, tier), settings, WarmPoolSettings.of(size, 4));
        pools.add(sandbox);
        return sandbox;
    }

    /** This test's warm containers on the engine, running or not. */
    private List<String> warmContainers() {
        return client.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(SandboxLabels.WARM, "true", SandboxLabels.INSTANCE, settings.instanceId()))
                .exec().stream().map(Container::getId).toList();
    }

    private List<String> allContainerIds() {
        return client.listContainersCmd().withShowAll(true).exec().stream().map(Container::getId).toList();
    }
}
