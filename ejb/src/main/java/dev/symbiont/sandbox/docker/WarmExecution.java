package dev.symbiont.sandbox.docker;

import static dev.symbiont.sandbox.docker.ContainerExit.completesWithin;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse.ContainerState;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.symbiont.sandbox.ExecutionRequest;
import dev.symbiont.sandbox.ExecutionResult;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one execution in a warm container with {@code docker exec}, then stops the container; the caller removes it.
 * The exec inherits the container's hardening (capabilities, no-new-privileges, rlimits, cgroups, namespaces) and
 * runs as the sandbox user in {@code /tmp}, like a cold run.
 *
 * <p>How the end is seen differs from a cold run, measured on Docker 20.10 with runc and Debian's runsc:
 * <ul>
 * <li>The exec's stream ends when its process exits and its output is drained (the engine waits at most 2 s for
 *     background processes still holding the output open). On gVisor, when the sandbox dies (memory overrun, or
 *     the kill at the timeout) the exec's stream never ends, so the container's own exit is awaited as well.</li>
 * <li>An OOM kill on runc hits the exec's process while the idle process lives on: the container's
 *     {@code OOMKilled} stays false while it runs and becomes true once it stops. So the container is always
 *     killed after the exec and only then inspected (with the same short wait for a late report as a cold run).
 *     A loaded engine may not report that stop in time; the container is then removed and the run reported
 *     without the OOM flag (see {@link ContainerKill}).</li>
 * <li>On gVisor a memory overrun kills the whole sandbox (exit 137); a sandbox that died by itself with 137 counts
 *     as OOM-killed, as in a cold run. A single process killed with SIGKILL leaves the sandbox running.</li>
 * </ul>
 */
final class WarmExecution {

    /** The warm container cannot run anything (it died, or its image is gone): nothing of the agent ran. */
    static final class UnusableContainer extends Exception {
        UnusableContainer(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** After the exec's stream ended, how long the engine may take to record its exit code. */
    private static final Duration EXEC_EXIT_WAIT = Duration.ofSeconds(2);
    /** After the container stopped, how long its exec stream may take to end (gVisor's may never end). */
    private static final Duration DRAIN_AFTER_STOP = Duration.ofMillis(200);
    /** How long a SIGKILL exit waits for the engine's late OOM report, or for gVisor's sandbox to die. */
    private static final Duration OOM_REPORT_WAIT = Duration.ofSeconds(1);
    private static final int SIGKILL_EXIT = 137;

    private final DockerEngine engine;
    private final DockerClient client;
    private final DockerRuntime runtime;
    private final DockerSandboxSettings settings;

    WarmExecution(DockerEngine engine, DockerRuntime runtime, DockerSandboxSettings settings) {
        this.engine = engine;
        this.client = engine.client();
        this.runtime = runtime;
        this.settings = settings;
    }

    /** Runs the request in the container unless a stop came first; killed for a stop like at the timeout. */
    ExecutionResult run(String containerId, ExecutionRequest request, RunInProgress run, long requested)
            throws UnusableContainer, InterruptedException, IOException {
        String execId = createExec(containerId, request);
        Optional<ExecutionResult> stopped = run.stoppedBeforeStart(request, runtime.tier(), requested);
        if (stopped.isPresent()) {
            return stopped.get();
        }
        OutputCapture output = new OutputCapture(request.limits().outputCapBytes(), requested);
        UsageSampler usage = new UsageSampler();
        try (output; usage; ContainerExit exit = client.waitContainerCmd(containerId).exec(new ContainerExit());
             ExecStream stream = start(execId, output, request)) {
            long started = System.nanoTime();
            client.statsCmd(containerId).exec(usage);
            ProcessEnd end = run.settle(!completesWithin(CompletableFuture.anyOf(stream.ended(), exit.stopped,
                    run.stopRequested()), request.limits().timeout()));
            long ended = System.nanoTime();
            Integer execExit = end.killedByUs() ? null : settledExecExit(execId, exit);
            boolean diedByItself = !end.killedByUs() && sandboxDied(exit, execExit);
            // Killed also after an exec that ended by itself: single use, and on runc its OOM report only shows then.
            boolean reported = ContainerKill.stopReported(client, containerId, exit,
                    "warm container of " + request.executionId());
            completesWithin(stream.ended(), DRAIN_AFTER_STOP);
            if (execExit == null) {
                execExit = execExitCode(execId);
            }
            // Unreported, the container was removed with its OOM flag and status; a status its wait brings after
            // the removal may be the removal's, so the container's status is then unknown (-1).
            boolean oomReported = reported
                    && Boolean.TRUE.equals(settledState(containerId, end.killedByUs(), execExit).getOOMKilled());
            boolean oomKilled = oomReported
                    || runtime.userSpaceKernel() && diedByItself && exit.statusCode == SIGKILL_EXIT;
            int exitCode = exitCode(execExit, reported ? exit.statusCode : -1, end.killedByUs(), diedByItself);
            return new ExecutionResult(request.executionId(), runtime.tier(), end.termination(oomKilled),
                    exitCode, output.stdout(), output.stderr(), Duration.ofNanos(ended - started),
                    Duration.ofNanos(started - requested), output.firstOutput(), usage.peakMemoryBytes(),
                    usage.cpuTime(), true, end.stopReason());
        }
    }

    private String createExec(String containerId, ExecutionRequest request) throws UnusableContainer {
        List<String> env = request.environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .toList();
        try {
            return client.execCreateCmd(containerId)
                    .withCmd(request.command().toArray(String[]::new))
                    .withEnv(env)
                    .withUser(settings.user())
                    .withWorkingDir("/tmp")
                    .withPrivileged(false)
                    .withTty(false)
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .withAttachStdin(request.hasStdin())
                    .exec()
                    .getId();
        } catch (NotFoundException | ConflictException e) {
            throw new UnusableContainer("warm container " + containerId + " cannot exec: " + e.getMessage(), e);
        }
    }

    private ExecStream start(String execId, OutputCapture output, ExecutionRequest request)
            throws UnusableContainer {
        try {
            return ExecStream.start(engine.host(), execId, output, request.hasStdin() ? request.stdin() : null);
        } catch (IOException e) {
            // No upgrade, so the process was not started; a cold run reports an engine that is really gone.
            throw new UnusableContainer("exec " + execId + " did not start: " + e.getMessage(), e);
        }
    }

    /**
     * The exec's status, or the container's when the exec's end was not seen. When gVisor's sandbox died or was
     * killed the exec reports what runsc's failed wait left (measured: 128 in 2 to 4 runs of 30, else 137), so the
     * sandbox's own status (137) is the answer, as in a cold run.
     */
    private int exitCode(Integer execExit, int containerStatus, boolean killedByUs, boolean diedByItself) {
        if ((killedByUs || diedByItself) && (execExit == null || runtime.userSpaceKernel())) {
            return containerStatus;
        }
        return execExit == null ? -1 : execExit;
    }

    /** The exec's exit status; the engine records it just after closing the stream, so it is asked a few times. */
    private Integer settledExecExit(String execId, ContainerExit exit) throws InterruptedException {
        long deadline = System.nanoTime() + EXEC_EXIT_WAIT.toNanos();
        Integer code = execExitCode(execId);
        while (code == null && !exit.stopped.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(5);
            code = execExitCode(execId);
        }
        return code;
    }

    /** Null while it runs, and once its container stopped without the engine learning of its end (gVisor). */
    private Integer execExitCode(String execId) {
        InspectExecResponse exec;
        try {
            exec = client.inspectExecCmd(execId).exec();
        } catch (NotFoundException e) {
            return null;
        }
        return Boolean.TRUE.equals(exec.isRunning()) || exec.getExitCodeLong() == null ? null
                : exec.getExitCodeLong().intValue();
    }

    /**
     * Whether the container stopped by itself. On gVisor a memory overrun kills the sandbox, and the exec may be
     * reported killed (or not at all) a moment before the container is, so a SIGKILL waits briefly for it.
     */
    private boolean sandboxDied(ContainerExit exit, Integer execExit) throws InterruptedException {
        if (exit.stopped.isDone()) {
            return true;
        }
        // 128 and up: a signal, or runsc's wait failing because the sandbox went (measured: 128 or 137)
        boolean maybeDying = runtime.userSpaceKernel() && (execExit == null || execExit >= 128);
        return maybeDying && completesWithin(exit.stopped, OOM_REPORT_WAIT);
    }

    /** As in a cold run: a SIGKILL that was not ours (timeout, stop) is looked again at for a late OOM report. */
    private ContainerState settledState(String id, boolean killedByUs, Integer execExit) throws InterruptedException {
        ContainerState state = client.inspectContainerCmd(id).exec().getState();
        boolean suspicious = !runtime.userSpaceKernel() && !killedByUs && execExit != null && execExit == SIGKILL_EXIT;
        long deadline = System.nanoTime() + OOM_REPORT_WAIT.toNanos();
        while (suspicious && !Boolean.TRUE.equals(state.getOOMKilled()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            state = client.inspectContainerCmd(id).exec().getState();
        }
        return state;
    }
}
