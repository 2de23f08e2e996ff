package dev.symbiont.sandbox.bench;

import dev.symbiont.sandbox.ExecutionRequest;
import dev.symbiont.sandbox.ExecutionResult;
import dev.symbiont.sandbox.SandboxLimits;
import dev.symbiont.sandbox.SecurityTier;
import dev.symbiont.sandbox.docker.DockerRuntime;
import dev.symbiont.sandbox.docker.DockerSandboxOrchestrator;
import dev.symbiont.sandbox.docker.DockerSandboxSettings;
import dev.symbiont.sandbox.docker.WarmPoolSettings;
import dev.symbiont.sandbox.engine.LocalDockerEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Cold start against the warm pool, per tier, in the same run: each invocation runs {@code echo ready} once cold
 * (container created) and once warm (pre-started container, {@code docker exec}), back to back, so both see the
 * same load. Before each invocation the pool is back to its size, as it is for an execution that finds its key
 * warm; the refill a warm run triggers overlaps with that run, as it would in service.
 *
 * <p>JMH's own score is the time of the pair and means little; the figures are the table printed at the end of
 * each trial: request to first output byte and request to result (container removed), p50 and p99, for cold and
 * warm, and warm/cold as a ratio of the two medians.
 *
 * <p>Run: {@code ./mvnw -Pbench -pl ejb -am verify -DskipTests -Djmh.args="SandboxStartBenchmark"} (as root: it
 * starts the project's own dockerd with gVisor, like the sandbox tests).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, batchSize = 1)
@Measurement(iterations = 60, batchSize = 1)
public class SandboxStartBenchmark {

    private static final int POOL_SIZE = 2;

    @Param({"TIER1", "TIER2"})
    SecurityTier tier;

    private LocalDockerEngine engine;
    private DockerSandboxOrchestrator cold;
    private DockerSandboxOrchestrator warm;
    private SandboxLimits limits;
    private boolean measuring;
    private final List<ExecutionResult> coldRuns = new ArrayList<>();
    private final List<ExecutionResult> warmRuns = new ArrayList<>();
    private final List<Long> coldComplete = new ArrayList<>();
    private final List<Long> warmComplete = new ArrayList<>();

    @Setup(Level.Trial)
    public void startEngine() {
        engine = LocalDockerEngine.start();
        DockerRuntime runtime = tier == SecurityTier.TIER1 ? DockerRuntime.runc("runc")
                : DockerRuntime.gvisor(engine.gvisorRuntime());
        DockerSandboxSettings settings = new DockerSandboxSettings("bench-node", UUID.randomUUID().toString(),
                "65534:65534", "bridge", List.of());
        limits = SandboxLimits.modest(Duration.ofSeconds(20));
        cold = new DockerSandboxOrchestrator(engine.engine(), runtime, settings);
        warm = DockerSandboxOrchestrator.withWarmPool(engine.engine(), runtime, settings,
                WarmPoolSettings.of(POOL_SIZE, 1));
        warm.prewarm(engine.image(), limits);
    }

    @Setup(Level.Iteration)
    public void phase(IterationParams params) {
        measuring = params.getType() == IterationType.MEASUREMENT;
    }

    /** Not measured: an execution finds its key warm only once the refill of the previous one is done. */
    @Setup(Level.Invocation)
    public void awaitFullPool() throws InterruptedException {
        while (warm.warmPool().orElseThrow().idleCount(engine.image(), limits) < POOL_SIZE) {
            Thread.sleep(5);
        }
    }

    @Benchmark
    public int coldThenWarm() {
        long start = System.nanoTime();
        ExecutionResult c = cold.run(echo());
        long coldDone = System.nanoTime();
        ExecutionResult w = warm.run(echo());
        long warmDone = System.nanoTime();
        if (!c.stdout().text().equals("ready\n") || !w.stdout().text().equals("ready\n") || !w.warm()) {
            throw new IllegalStateException("unexpected run: cold " + c + ", warm " + w);
        }
        if (measuring) {
            coldRuns.add(c);
            warmRuns.add(w);
            coldComplete.add(coldDone - start);
            warmComplete.add(warmDone - coldDone);
        }
        return c.exitCode() + w.exitCode();
    }

    @TearDown(Level.Trial)
    public void report() throws IOException {
        warm.close();
        engine.close();
        List<Long> coldFirst = coldRuns.stream().map(r -> r.firstOutput().orElseThrow().toNanos()).toList();
        List<Long> warmFirst = warmRuns.stream().map(r -> r.firstOutput().orElseThrow().toNanos()).toList();
        String table = String.format("""
                [sandbox start] %s, %d runs each, load average %s
                  first output  cold p50 %6.1f ms  p99 %6.1f ms | warm p50 %6.1f ms  p99 %6.1f ms | warm/cold p50 %.2f
                  complete run  cold p50 %6.1f ms  p99 %6.1f ms | warm p50 %6.1f ms  p99 %6.1f ms | warm/cold p50 %.2f
                """, tier, coldRuns.size(), Files.readString(Path.of("/proc/loadavg")).strip(),
                ms(coldFirst, 50), ms(coldFirst, 99), ms(warmFirst, 50), ms(warmFirst, 99),
                ms(warmFirst, 50) / ms(coldFirst, 50),
                ms(coldComplete, 50), ms(coldComplete, 99), ms(warmComplete, 50), ms(warmComplete, 99),
                ms(warmComplete, 50) / ms(coldComplete, 50));
        System.out.print(table);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("sandbox-start-" + tier + ".txt"), table);
        }
    }

    private ExecutionRequest echo() {
        return ExecutionRequest.of(UUID.randomUUID(), engine.image(), limits, "/bin/sh", "-c", "echo ready");
    }

    /** Nearest-rank percentile in milliseconds. */
    private static double ms(List<Long> nanos, int p) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }
}
