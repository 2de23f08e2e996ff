package dev.symbiont.sandbox.docker;

import static dev.symbiont.sandbox.docker.ContainerExit.completesWithin;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse.ContainerState;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.symbiont.sandbox.ExecutionRequest;
import dev.symbiont.sandbox.ExecutionResult;
import dev.symbiont.sandbox.SandboxFailureException;
import dev.symbiont.sandbox.SandboxHealth;
import dev.symbiont.sandbox.SandboxLimits;
import dev.symbiont.sandbox.SandboxOrchestrator;
import dev.symbiont.sandbox.SandboxRequestRefusedException;
import dev.symbiont.sandbox.SecurityTier;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs executions as hardened, labelled, single-use containers on a Docker engine with one OCI runtime: runc for
 * Tier 1, runsc (gVisor) for Tier 2. The container is removed whatever happens.
 *
 * <p>With a {@link WarmPool} an execution takes a pre-started container of its image and limits and runs in it with
 * {@code docker exec} (see {@link WarmExecution}); it runs cold when the pool has none ready, when its warm
 * container turns out unusable, and always when network is granted (warm containers have none). Measured with
 * {@code SandboxStartBenchmark} on 2 cores, cold and warm interleaved (median of three runs at load average 2.5 to
 * 6.8): first output p50 159 ms cold / 50 ms warm on runc, 264 / 67 ms on gVisor; the complete run (container
 * removed) 200 / 128 ms and 336 / 181 ms. The warm run still pays the exec, the kill that reveals an OOM and the
 * removal, but none of them before the first output.
 *
 * <p>{@link #stop} finds a run by its execution id in the runs in progress here, cold or warm alike (a warm
 * container's labels name the pool's container, not the execution); {@link RunInProgress} says how a stop and the
 * process's own end are told apart.
 */
public final class DockerSandboxOrchestrator implements SandboxOrchestrator, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DockerSandboxOrchestrator.class.getName());

    /** How long attaching and reading the rest of the output may take. */
    private static final Duration ATTACH_WAIT = Duration.ofSeconds(10);
    private static final Duration DRAIN_WAIT = Duration.ofSeconds(5);
    /** How long a SIGKILL exit waits for a late OOM report (see {@link #settledState}). */
    private static final Duration OOM_REPORT_WAIT = Duration.ofSeconds(1);
    private static final int SIGKILL_EXIT = 137;

    private final DockerEngine engine;
    private final DockerClient client;
    private final DockerRuntime runtime;
    private final DockerSandboxSettings settings;
    private final WarmPool pool;
    private final WarmExecution warm;
    /** Executions running here, by id: what {@link #stop} reaches, whether they run cold or warm. */
    private final Map<UUID, RunInProgress> inProgress = new ConcurrentHashMap<>();

    /** Cold runs only: every execution creates its container. */
    public DockerSandboxOrchestrator(DockerEngine engine, DockerRuntime runtime, DockerSandboxSettings settings) {
        this(engine, runtime, settings, null);
    }

    private DockerSandboxOrchestrator(DockerEngine engine, DockerRuntime runtime, DockerSandboxSettings settings,
                                      WarmPool pool) {
        this.engine = engine;
        this.client = engine.client();
        this.runtime = runtime;
        this.settings = settings;
        this.pool = pool;
        this.warm = new WarmExecution(engine, runtime, settings);
    }

    /** With a warm pool refilled on virtual threads. */
    public static DockerSandboxOrchestrator withWarmPool(DockerEngine engine, DockerRuntime runtime,
                                                         DockerSandboxSettings settings,
                                                         WarmPoolSettings warmPoolSettings) {
        return withWarmPool(engine, runtime, settings, warmPoolSettings,
                task -> Thread.ofVirtual().name("sandbox-warm-refill").start(task));
    }

    /** @param refills runs the pool's background refills, e.g. a managed executor */
    public static DockerSandboxOrchestrator withWarmPool(DockerEngine engine, DockerRuntime runtime,
                                                         DockerSandboxSettings settings,
                                                         WarmPoolSettings warmPoolSettings, Executor refills) {
        return new DockerSandboxOrchestrator(engine, runtime, settings,
                new WarmPool(engine, runtime, settings, warmPoolSettings, refills));
    }

    public Optional<WarmPool> warmPool() {
        return Optional.ofNullable(pool);
    }

    /**
     * Fills the warm pool for this image and limits now (see {@link WarmPool#prewarm}).
     *
     * @throws IllegalStateException without a warm pool
     */
    public int prewarm(String image, SandboxLimits limits) {
        return warmPool().orElseThrow(() -> new IllegalStateException(tier() + " sandbox has no warm pool"))
                .prewarm(image, limits);
    }

    /** Removes the warm pool's idle containers; executions still running finish and remove theirs. */
    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }

    @Override
    public SecurityTier tier() {
        return runtime.tier();
    }

    @Override
    public SandboxHealth health() {
        return health(engine.probe());
    }

    /** This tier's health as one probe of its engine shows it, so tiers sharing an engine share a probe. */
    SandboxHealth health(DockerEngine.Probe probe) {
        if (!probe.reachable()) {
            return SandboxHealth.down(tier(), probe.error());
        }
        if (!probe.runtimes().contains(runtime.name())) {
            return SandboxHealth.down(tier(), "OCI runtime '" + runtime.name() + "' is not registered with the "
                    + "Docker engine at " + engine.host() + " (registered: " + probe.runtimes() + ")");
        }
        String disk = settings.blkioDevices().isEmpty() ? "disk rate limits not applied (no block device configured)"
                : "disk rate limits on " + settings.blkioDevices();
        return SandboxHealth.up(tier(), "Docker " + probe.version() + " at " + engine.host() + ", runtime '"
                + runtime.name() + "', network " + (runtime.networkCapable() ? "on grant" : "never") + ", " + disk
                + (pool == null ? ", cold starts only" : ", warm pool of " + pool.settings().sizePerKey()
                + " per image and limits (" + pool.idleTotal() + " idle)"));
    }

    @Override
    public ExecutionResult run(ExecutionRequest request) {
        if (request.networkAllowed() && !runtime.networkCapable()) {
            throw new SandboxRequestRefusedException(tier(), "network was granted but " + tier()
                    + " (runtime '" + runtime.name() + "') runs without network on this engine");
        }
        long requested = System.nanoTime();
        RunInProgress run = new RunInProgress();
        if (inProgress.putIfAbsent(request.executionId(), run) != null) {
            throw new IllegalStateException("execution " + request.executionId() + " is already running on " + tier());
        }
        try {
            return run(request, run, requested);
        } finally {
            inProgress.remove(request.executionId(), run);
        }
    }

    /** Reaches the run, which kills its container itself (see {@link RunInProgress}). */
    @Override
    public boolean stop(UUID executionId, String reason) {
        Objects.requireNonNull(reason, "reason");
        RunInProgress run = inProgress.get(executionId);
        return run != null && run.requestStop(reason);
    }

    private ExecutionResult run(ExecutionRequest request, RunInProgress run, long requested) {
        Optional<ExecutionResult> stopped = run.stoppedBeforeStart(request, tier(), requested);
        if (stopped.isPresent()) {
            return stopped.get();
        }
        if (pool != null && !request.networkAllowed()) {
            Optional<ExecutionResult> result = runWarm(request, run, requested);
            if (result.isPresent()) {
                return result.get();
            }
        }
        String containerId = create(request);
        try {
            return runCreated(containerId, request, run, requested);
        } finally {
            remove(containerId);
        }
    }

    /** Empty when there is no usable warm container: then the run goes cold, never unsandboxed. */
    private Optional<ExecutionResult> runWarm(ExecutionRequest request, RunInProgress run, long requested) {
        Optional<String> container = pool.take(new WarmKey(request.image(), request.limits()));
        if (container.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(warm.run(container.get(), request, run, requested));
        } catch (WarmExecution.UnusableContainer e) {
            LOG.log(Level.INFO, e, () -> "running " + request.executionId() + " cold: " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxFailureException("interrupted while running " + request.executionId(), e);
        } catch (IOException e) {
            throw new SandboxFailureException("stream I/O with the engine failed for " + request.executionId(), e);
        } catch (SandboxFailureException e) {
            throw e;
        } catch (RuntimeException e) {
            throw EngineErrors.during(e, runtime, engine, "running " + request.executionId() + " warm");
        } finally {
            pool.discard(container.get());
        }
    }

    private String create(ExecutionRequest request) {
        List<String> env = request.environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        try {
            return client.createContainerCmd(request.image())
                    .withName("symbiont-" + request.executionId())
                    .withCmd(request.command())
                    .withEnv(env)
                    .withUser(settings.user())
                    .withWorkingDir("/tmp")
                    .withLabels(SandboxLabels.of(settings, tier(), request.executionId()))
                    .withHostConfig(HardenedHostConfig.forExecution(runtime, request.limits(),
                            request.networkAllowed(), settings))
                    .withTty(false)
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .withAttachStdin(request.hasStdin())
                    .withStdinOpen(request.hasStdin())
                    .withStdInOnce(request.hasStdin())
                    .exec()
                    .getId();
        } catch (RuntimeException e) {
            throw EngineErrors.whileCreating(e, runtime, request.image(), engine);
        }
    }

    private ExecutionResult runCreated(String id, ExecutionRequest request, RunInProgress run, long requested) {
        OutputCapture output = new OutputCapture(request.limits().outputCapBytes(), requested);
        UsageSampler usage = new UsageSampler();
        try (output; usage; StdinAttachment stdin = attach(id, request, output)) {
            Optional<ExecutionResult> stopped = run.stoppedBeforeStart(request, tier(), requested);
            if (stopped.isPresent()) {
                return stopped.get();
            }
            client.startContainerCmd(id).exec();
            long started = System.nanoTime();
            if (stdin != null) {
                stdin.sendThenClose(request.stdin());
            }
            try (ContainerExit exit = client.waitContainerCmd(id).exec(new ContainerExit())) {
                client.statsCmd(id).exec(usage);
                ProcessEnd end = awaitEnd(exit, request, run);
                boolean reported = !end.killedByUs()
                        || ContainerKill.stopReported(client, id, exit, "container of " + request.executionId());
                long ended = System.nanoTime();
                output.awaitCompletion(DRAIN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                // Unreported, the container was removed with its final state: exit status unknown (-1), no OOM.
                Optional<ContainerState> state = reported ? Optional.of(settledState(id, end.killedByUs()))
                        : Optional.empty();
                return new ExecutionResult(request.executionId(), tier(),
                        end.termination(state.map(s -> oomKilled(s, end.killedByUs())).orElse(false)),
                        state.map(ContainerState::getExitCodeLong).map(Long::intValue).orElse(-1),
                        output.stdout(), output.stderr(),
                        state.flatMap(DockerSandboxOrchestrator::engineDuration)
                                .orElse(Duration.ofNanos(ended - started)),
                        Duration.ofNanos(started - requested), output.firstOutput(), usage.peakMemoryBytes(),
                        usage.cpuTime(), false, end.stopReason());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxFailureException("interrupted while running " + request.executionId(), e);
        } catch (IOException e) {
            throw new SandboxFailureException("stream I/O with the engine failed for " + request.executionId(), e);
        } catch (SandboxFailureException e) {
            throw e;
        } catch (RuntimeException e) {
            throw EngineErrors.during(e, runtime, engine, "running " + request.executionId());
        }
    }

    /** Waits for the exit, the timeout or a stop; the container is to be killed at the timeout or for the stop. */
    private static ProcessEnd awaitEnd(ContainerExit exit, ExecutionRequest request, RunInProgress run)
            throws InterruptedException {
        boolean timedOut = !completesWithin(CompletableFuture.anyOf(exit.stopped, run.stopRequested()),
                request.limits().timeout());
        exit.throwIfCut();
        return run.settle(timedOut);
    }

    /**
     * The engine learns of an OOM kill from an event of its own, which can arrive after the exit, so a SIGKILL exit
     * that was not our kill (timeout or stop) is looked at again for a short while. On gVisor it may never arrive
     * (measured: 1 to 2 runs in 100 OOM-killed within ~70 ms of start, with the host OOM killer taking the whole
     * sandbox), so there a SIGKILL exit that was not ours counts as OOM; an agent that exits with 137 on its own is
     * then reported OOM-killed too.
     */
    private ContainerState settledState(String id, boolean killedByUs) throws InterruptedException {
        ContainerState state = client.inspectContainerCmd(id).exec().getState();
        long deadline = System.nanoTime() + OOM_REPORT_WAIT.toNanos();
        while (!runtime.userSpaceKernel() && !killedByUs && killedWithoutOomReport(state)
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
            state = client.inspectContainerCmd(id).exec().getState();
        }
        return state;
    }

    private boolean oomKilled(ContainerState state, boolean killedByUs) {
        return Boolean.TRUE.equals(state.getOOMKilled())
                || runtime.userSpaceKernel() && !killedByUs && killedWithoutOomReport(state);
    }

    private static boolean killedWithoutOomReport(ContainerState state) {
        return !Boolean.TRUE.equals(state.getOOMKilled()) && state.getExitCodeLong() != null
                && state.getExitCodeLong() == SIGKILL_EXIT;
    }

    /** Attaches output, and stdin if there is input; the stdin attachment is returned to be fed after start. */
    private StdinAttachment attach(String id, ExecutionRequest request, OutputCapture output)
            throws InterruptedException, IOException {
        client.attachContainerCmd(id)
                .withStdOut(true)
                .withStdErr(true)
                .withFollowStream(true)
                .withLogs(false)
                .exec(output);
        // Start only once attached: output written before would be lost (there is no log to replay).
        if (!output.awaitStarted(ATTACH_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new SandboxFailureException("could not attach to the container of " + request.executionId()
                    + " within " + ATTACH_WAIT);
        }
        return request.hasStdin() ? StdinAttachment.open(engine.host(), id) : null;
    }

    private void remove(String id) {
        try {
            client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            // Do not hide the run's own outcome; the label lets the reaper remove it on the next start.
            LOG.log(Level.WARNING, e, () -> "could not remove sandbox container " + id);
        }
    }

    /** By the engine's clock, which is closer to the process than ours. */
    private static Optional<Duration> engineDuration(ContainerState state) {
        if (state.getStartedAt() == null || state.getFinishedAt() == null) {
            return Optional.empty();
        }
        try {
            Instant start = Instant.parse(state.getStartedAt());
            Instant end = Instant.parse(state.getFinishedAt());
            return end.isAfter(start) ? Optional.of(Duration.between(start, end)) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
