package dev.symbiont.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.symbiont.sandbox.SandboxFailureException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a run's kill does when the engine reports the stop, and when it does not: against a stand-in engine that
 * answers kill and remove as Docker's API does and records what it was asked. No Docker needed.
 */
class ContainerKillTest {

    private static final String ID = "c0ffee";
    private static final Duration WAIT = Duration.ofMillis(200);

    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final ContainerExit exit = new ContainerExit();
    private HttpServer server;
    private DockerEngine engine;
    private volatile int removeStatus = 204;
    private volatile boolean reportStopOnKill;

    @BeforeEach
    void startEngine() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        engine = DockerEngine.connect("tcp://127.0.0.1:" + server.getAddress().getPort(), 4);
    }

    @AfterEach
    void stopEngine() {
        engine.close();
        server.stop(0);
    }

    @Test
    void aStopTheEngineReportsKeepsTheContainerForItsStateToBeRead() throws InterruptedException {
        reportStopOnKill = true;

        assertThat(ContainerKill.stopReported(engine.client(), ID, exit, "container of x", WAIT)).isTrue();

        assertThat(asked).containsExactly("POST /containers/" + ID + "/kill");
    }

    @Test
    void aStopTheEngineDoesNotReportInTimeEndsWithTheContainerRemovedForcibly() throws InterruptedException {
        assertThat(ContainerKill.stopReported(engine.client(), ID, exit, "container of x", WAIT)).isFalse();

        assertThat(asked).containsExactly("POST /containers/" + ID + "/kill",
                "DELETE /containers/" + ID + "?v=true&force=true");
    }

    @Test
    void aContainerAlreadyGoneWhenItIsRemovedCountsAsRemoved() throws InterruptedException {
        removeStatus = 404;

        assertThat(ContainerKill.stopReported(engine.client(), ID, exit, "container of x", WAIT)).isFalse();
    }

    @Test
    void aContainerThatCouldNotBeRemovedEitherFailsTheRun() {
        removeStatus = 500;

        assertThatThrownBy(() -> ContainerKill.stopReported(engine.client(), ID, exit, "container of x", WAIT))
                .isInstanceOf(SandboxFailureException.class)
                .hasMessageStartingWith("the engine did not report the stop of the container of x within PT0.2S of "
                        + "its kill, and removing it failed");
    }

    @Test
    void aContainerSeenStoppedBeforeIsNeitherKilledNorRemoved() throws InterruptedException {
        exit.onComplete();

        assertThat(ContainerKill.stopReported(engine.client(), ID, exit, "container of x", WAIT)).isTrue();

        assertThat(asked).isEmpty();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
                .replaceFirst("^/v[0-9.]+", "") + (query == null ? "" : "?" + query);
        asked.add(request);
        int status = request.startsWith("DELETE") ? removeStatus : 204;
        if (request.endsWith("/kill") && reportStopOnKill) {
            exit.onComplete();
        }
        if (status == 204) {
            exchange.sendResponseHeaders(204, -1);
        } else {
            byte[] body = "{\"message\":\"engine says no\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}
