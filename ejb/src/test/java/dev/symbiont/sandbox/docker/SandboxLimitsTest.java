package dev.symbiont.sandbox.docker;

import static dev.symbiont.sandbox.docker.TierSandboxes.modest;
import static dev.symbiont.sandbox.docker.TierSandboxes.orchestrator;
import static dev.symbiont.sandbox.docker.TierSandboxes.run;
import static dev.symbiont.sandbox.docker.TierSandboxes.script;
import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.sandbox.ExecutionRequest;
import dev.symbiont.sandbox.ExecutionResult;
import dev.symbiont.sandbox.SecurityTier;
import dev.symbiont.sandbox.Termination;
import dev.symbiont.sandbox.docker.TierSandboxes.Start;
import dev.symbiont.sandbox.engine.LocalDockerEngine;
import dev.symbiont.sandbox.engine.LocalDockerEngineExtension;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The limits hold on each tier: the kernel (host or gVisor's) enforces them, not the agent. */
@Tag("sandbox")
@ExtendWith(LocalDockerEngineExtension.class)
class SandboxLimitsTest {

    private final LocalDockerEngine engine;

    SandboxLimitsTest(LocalDockerEngine engine) {
        this.engine = engine;
    }

    @ParameterizedTest
    @MethodSource("dev.symbiont.sandbox.docker.TierSandboxes#tiersAndStarts")
    void memoryBeyondTheLimitIsOomKilled(SecurityTier tier, Start start) {
        ExecutionResult result = run(engine, tier, start, ExecutionRequest.of(UUID.randomUUID(), engine.image(),
                modest().withMemoryBytes(32L << 20), "awk", "BEGIN { s = \"x\"; while (1) s = s s }"));

        assertThat(result.termination()).isEqualTo(Termination.OOM_KILLED);
        assertThat(result.exitCode()).isEqualTo(137);
    }

    /** On runc the kernel kills one process, here not the first: the run goes on, and the kill is still reported. */
    @ParameterizedTest
    @EnumSource(Start.class)
    void onTier1AProcessKilledForMemoryIsReportedWhileTheRunGoesOn(Start start) {
        ExecutionResult result = run(engine, SecurityTier.TIER1, start, script(engine,
                modest().withMemoryBytes(32L << 20), "awk 'BEGIN { s = \"x\"; while (1) s = s s }'; echo survived"));

        assertThat(result.termination()).isEqualTo(Termination.OOM_KILLED);
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout().text()).isEqualTo("survived\n");
    }

    /** On gVisor the engine sometimes misses the OOM report and any exit 137 counts as OOM; on runc it does not. */
    @ParameterizedTest
    @EnumSource(Start.class)
    void onTier1AnExitWithStatus137IsNotTakenForAnOomKill(Start start) {
        ExecutionResult result = run(engine, SecurityTier.TIER1, start, script(engine, modest(), "exit 137"));

        assertThat(result.termination()).isEqualTo(Termination.EXITED);
        assertThat(result.exitCode()).isEqualTo(137);
    }

    @ParameterizedTest
    @MethodSource("dev.symbiont.sandbox.docker.TierSandboxes#tiersAndStarts")
    void aRunBeyondItsTimeoutIsKilledAtTheTimeout(SecurityTier tier, Start start) {
        Duration timeout = Duration.ofSeconds(1);
        long begin = System.nanoTime();
        ExecutionResult result = run(engine, tier, start, script(engine, modest().withTimeout(timeout),
                "echo started; sleep 30; echo finished"));
        Duration wall = Duration.ofNanos(System.nanoTime() - begin);

        assertThat(result.termination()).isEqualTo(Termination.TIMED_OUT);
        assertThat(result.exitCode()).isEqualTo(137);
        assertThat(result.stdout().text()).isEqualTo("started\n");
        assertThat(result.duration()).isBetween(timeout, timeout.plusMillis(1500));
        assertThat(wall).isLessThan(Duration.ofSeconds(6));
    }

    /**
     * 200 children are attempted under a limit of 32: at most 30 start besides the two shells, fork fails, and the
     * sandbox survives (on gVisor the limit is RLIMIT_NPROC in its kernel; exhausting the host pids cgroup instead
     * would kill the whole sandbox). The first shell waits on a fifo so every child is counted before it exits.
     */
    @ParameterizedTest
    @MethodSource("dev.symbiont.sandbox.docker.TierSandboxes#tiersAndStarts")
    void processesCannotExceedTheLimit(SecurityTier tier, Start start) {
        ExecutionResult result = run(engine, tier, start, script(engine, modest().withMaxProcesses(32), """
                mkfifo /tmp/f; exec 3<>/tmp/f
                sh -c 'i=0; while [ $i -lt 200 ]; do sh -c "echo started; exec sleep 2" & i=$((i+1)); done'
                read -t 4 x <&3; echo done
                """));

        long started = result.stdout().text().lines().filter("started"::equals).count();
        String outcome = "exit " + result.exitCode() + ", stderr: " + result.stderr().text();
        assertThat(result.stderr().text()).contains("can't fork");
        assertThat(started).as(outcome).isBetween(16L, 30L);
        assertThat(result.stdout().text()).as(outcome).endsWith("done\n");
        assertThat(result.termination()).isEqualTo(Termination.EXITED);
    }

    /** Measured by the host's cgroup (the engine's stats): inside gVisor a task's CPU clock counts throttled time. */
    @ParameterizedTest
    @MethodSource("dev.symbiont.sandbox.docker.TierSandboxes#tiersAndStarts")
    void cpuTimeIsHeldToTheQuota(SecurityTier tier, Start start) {
        ExecutionResult result = run(engine, tier, start, script(engine, modest().withCpus(0.25),
                "timeout 3 sh -c 'while :; do :; done'; echo stopped"));

        assertThat(result.stdout().text()).isEqualTo("stopped\n");
        Duration allowed = Duration.ofMillis((long) (result.duration().toMillis() * 0.25 * 1.3) + 100);
        assertThat(result.cpuTime()).as("CPU time sampled by the engine").isPresent();
        assertThat(result.cpuTime().orElseThrow()).isBetween(Duration.ofMillis(100), allowed);
    }

    /**
     * Tier 1 only: reads that reach the disk are throttled (here with O_DIRECT, so the page cache cannot serve
     * them). gVisor ignores O_DIRECT, and the only writable place is a tmpfs, so neither shows a throttle here.
     */
    @Test
    void onTier1DiskReadsAreThrottled() {
        String device = engine.blockDevice().orElseThrow(() -> new AssertionError(
                "disk throttling needs the block device under the engine's data root; none found"));
        long rate = 1L << 20;
        String read = "dd if=" + engine.blobPath() + " of=/dev/null bs=64k iflag=direct";
        DockerSandboxOrchestrator tier1 = orchestrator(engine, SecurityTier.TIER1);

        ExecutionResult unthrottled = tier1.run(script(engine, modest(), read));
        ExecutionResult throttled = tier1.run(script(engine, modest().withDiskBytesPerSecond(rate, rate), read));

        assertThat(unthrottled.exitCode()).as(unthrottled.stderr().text()).isZero();
        assertThat(throttled.exitCode()).as(throttled.stderr().text()).isZero();
        Duration expected = Duration.ofMillis(engine.blobBytes() * 1000L / rate);
        assertThat(throttled.duration()).as("read of %s at %d B/s on %s", engine.blobBytes(), rate, device)
                .isGreaterThan(expected.multipliedBy(3).dividedBy(4));
        assertThat(unthrottled.duration()).isLessThan(expected.dividedBy(2));
    }
}
