package dev.symbiont.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.symbiont.sandbox.SandboxFailureException;
import dev.symbiont.sandbox.SandboxRequestRefusedException;
import dev.symbiont.sandbox.SandboxUnavailableException;
import dev.symbiont.sandbox.SecurityTier;
import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import org.apache.hc.client5.http.impl.classic.RequestFailedException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.util.Deadline;
import org.apache.hc.core5.util.DeadlineTimeoutException;
import org.apache.hc.core5.util.Timeout;
import org.apache.hc.core5.util.TimeoutValueException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a run hears when the engine or the client's connection pool fails it, from the exceptions docker-java 3.7.1
 * and httpclient5 really throw (built here as they build them). No Docker needed: nothing is sent.
 */
class EngineErrorsTest {

    private static final String HOST = "unix:///nonexistent/symbiont/docker.sock";

    private final DockerEngine engine = DockerEngine.connect(HOST, 7);
    private final DockerRuntime runc = DockerRuntime.runc("runc");

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aWaitForAPoolConnectionThatTimedOutSaysThePoolIsFullNotThatTheEngineIsUnreachable() {
        // InternalExecRuntime turns the lease's TimeoutException into this; docker-java wraps it in a RuntimeException
        var leaseTimeout = new RuntimeException(new ConnectionRequestTimeoutException(
                TimeoutValueException.fromMilliseconds(180_000, 180_004).getMessage()));

        RuntimeException mapped = EngineErrors.during(leaseTimeout, runc, engine, "running an execution");

        assertThat(mapped).isInstanceOf(SandboxUnavailableException.class)
                .hasMessage("no free connection to the Docker engine at " + HOST + " within 180 s: all 7 connections"
                        + " allowed by symbiont.sandbox.engine-connections (SYMBIONT_SANDBOX_ENGINE_CONNECTIONS)"
                        + " are in use")
                .hasCause(leaseTimeout);
        assertThat(((SandboxUnavailableException) mapped).tier()).isEqualTo(SecurityTier.TIER1);
    }

    @Test
    void aLeaseThePoolItselfTimedOutSaysThePoolIsFullToo() {
        // when a connection is released just as the deadline passes, the pool fails the lease before the wait ends
        var poolDeadline = new RuntimeException(new RequestFailedException("Request execution failed",
                DeadlineTimeoutException.from(Deadline.calculate(Timeout.ofMilliseconds(1)))));

        assertThat(EngineErrors.during(poolDeadline, runc, engine, "running an execution"))
                .isInstanceOf(SandboxUnavailableException.class)
                .hasMessageStartingWith("no free connection to the Docker engine at " + HOST);
    }

    @Test
    void aStreamThatGotNoPoolConnectionSaysThePoolIsFull() {
        ContainerExit exit = new ContainerExit();
        // a stream's thread hands the failed request to its callback, which rethrows it when asked
        exit.onError(new RuntimeException(new ConnectionRequestTimeoutException("Timeout deadline: 180000 ms")));

        RuntimeException cut = catchRuntimeException(exit::throwIfCut);

        assertThat(EngineErrors.during(cut, runc, engine, "running an execution"))
                .isInstanceOf(SandboxUnavailableException.class)
                .hasMessageContaining("no free connection", "all 7 connections");
    }

    @Test
    void creatingAContainerWithoutAPoolConnectionSaysThePoolIsFull() {
        var leaseTimeout = new RuntimeException(new ConnectionRequestTimeoutException("Timeout deadline"));

        assertThat(EngineErrors.whileCreating(leaseTimeout, runc, "symbiont/busybox:test", engine))
                .isInstanceOf(SandboxUnavailableException.class)
                .hasMessageContaining("no free connection");
    }

    @Test
    void anEngineThatCannotBeConnectedToIsStillReportedUnreachable() {
        var refused = new RuntimeException(new IOException("connect failed",
                new SocketException("No such file or directory")));

        assertThat(EngineErrors.during(refused, runc, engine, "running an execution"))
                .isInstanceOf(SandboxUnavailableException.class)
                .hasMessage("Docker engine not reachable at " + HOST + ": No such file or directory");
    }

    @Test
    void anEngineThatAnsweredWithAnErrorFailedTheRun() {
        assertThat(EngineErrors.during(new InternalServerErrorException("boom"), runc, engine, "running it"))
                .isInstanceOf(SandboxFailureException.class)
                .hasMessage("Docker engine at " + HOST + " failed running it (runtime runc): Status 500: boom");
    }

    @Test
    void aMissingImageIsARefusalNotAFailure() {
        assertThat(EngineErrors.whileCreating(new NotFoundException("no such image"), runc, "nope:1", engine))
                .isInstanceOf(SandboxRequestRefusedException.class)
                .hasMessageContaining("image nope:1 is not present");
    }

    @Test
    void aRequestWaitsThreeMinutesForAFreeConnectionAsTheReadmeSays() {
        assertThat(DockerEngine.CONNECTION_WAIT).isEqualTo(Duration.ofMinutes(3));
    }
}
