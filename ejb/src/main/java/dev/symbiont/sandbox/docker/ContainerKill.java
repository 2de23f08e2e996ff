package dev.symbiont.sandbox.docker;

import static dev.symbiont.sandbox.docker.ContainerExit.completesWithin;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.symbiont.sandbox.SandboxFailureException;
import java.time.Duration;

/**
 * Kills a run's container (at its timeout, for a stop, or after a warm exec so that an OOM kill shows) and waits
 * for the engine to report it stopped; if the report does not come, removes the container forcibly.
 *
 * <p>Why a missing report is no reason to fail the run: without a signal, Docker 20.10's kill returns once the engine
 * saw the container stop, or once its own fallback, a direct SIGKILL after 10 s, found the process already dead while
 * the engine was still recording the exit. On a loaded engine that recording can lag behind by more than our wait; this
 * is the likely story of the one warm run in 2,400 of {@code SandboxedTasksBenchmark} on 2 cores that failed with "did
 * not stop within 10 s of the kill" after its command had finished. The process is dead either way; what is missing is
 * the engine's report and with it the container's final state (exit status, OOM flag). The forced removal returns only
 * once the engine has removed the container, so after it the run can say truthfully how it ended, less that state: a
 * stop stays a stop, a timeout a timeout, an exec that exited keeps its own exit code. Only when the removal fails as
 * well may the container be left behind, and only then is the run a failure.
 */
final class ContainerKill {

    /** After the engine's kill returned, how long its report of the stop may take before the container is removed. */
    static final Duration STOP_REPORT_WAIT = Duration.ofSeconds(10);

    private ContainerKill() {
    }

    /**
     * @param what names the container in a failure, e.g. "warm container of 1b2c…"
     * @return true when the engine reported the stop, so the container's final state can be read; false when it did
     *         not within {@link #STOP_REPORT_WAIT} and the container has been removed instead, that state with it
     * @throws SandboxFailureException when the removal failed too: the container may still exist
     */
    static boolean stopReported(DockerClient client, String containerId, ContainerExit exit, String what)
            throws InterruptedException {
        return stopReported(client, containerId, exit, what, STOP_REPORT_WAIT);
    }

    /** With a wait of the caller's choosing, so a test need not sit out {@link #STOP_REPORT_WAIT}. */
    static boolean stopReported(DockerClient client, String containerId, ContainerExit exit, String what,
                                Duration wait) throws InterruptedException {
        if (exit.stopped.isDone()) {
            return true;
        }
        try {
            client.killContainerCmd(containerId).exec();
        } catch (ConflictException | NotFoundException e) {
            // stopped in the meantime
        }
        if (completesWithin(exit.stopped, wait)) {
            return true;
        }
        try {
            client.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // gone already
        } catch (RuntimeException e) {
            throw new SandboxFailureException("the engine did not report the stop of the " + what + " within "
                    + wait + " of its kill, and removing it failed: " + e.getMessage(), e);
        }
        return false;
    }
}
