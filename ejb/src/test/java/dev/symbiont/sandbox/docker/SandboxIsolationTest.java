package dev.symbiont.sandbox.docker;

import static dev.symbiont.sandbox.docker.TierSandboxes.modest;
import static dev.symbiont.sandbox.docker.TierSandboxes.orchestrator;
import static dev.symbiont.sandbox.docker.TierSandboxes.run;
import static dev.symbiont.sandbox.docker.TierSandboxes.script;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symbiont.sandbox.ExecutionResult;
import dev.symbiont.sandbox.SandboxRequestRefusedException;
import dev.symbiont.sandbox.SecurityTier;
import dev.symbiont.sandbox.docker.TierSandboxes.Start;
import dev.symbiont.sandbox.engine.LocalDockerEngine;
import dev.symbiont.sandbox.engine.LocalDockerEngineExtension;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What agent code cannot reach or touch, on each tier. */
@Tag("sandbox")
@ExtendWith(LocalDockerEngineExtension.class)
class SandboxIsolationTest {

    private final LocalDockerEngine engine;

    SandboxIsolationTest(LocalDockerEngine engine) {
        this.engine = engine;
    }

    @ParameterizedTest
    @MethodSource("dev.symbiont.sandbox.docker.TierSandboxes#tiersAndStarts")
    void withoutGrantTheHostIsUnreachable(SecurityTier tier, Start start) throws IOException {
        try (HostListener host = new HostListener(engine.hostAddressOnBridge())) {
            ExecutionResult result = run(engine, tier, start, script(engine, modest(),
                    "echo hello | nc -w 2 " + host.address() + " " + host.port()));

            assertThat(result.exitCode()).isNotZero();
            assertThat(result.stderr().text()).containsAnyOf("unreachable", "No route to host");
            assertThat(host.received()).isEmpty();
        }
    }

    @Test
    void onTier1GrantedNetworkReachesTheHost() throws IOException, InterruptedException {
        try (HostListener host = new HostListener(engine.hostAddressOnBridge())) {
            ExecutionResult result = orchestrator(engine, SecurityTier.TIER1).run(script(engine, modest(),
                    "echo hello | nc -w 2 " + host.address() + " " + host.port()).withNetworkAllowed(true));

            assertThat(result.exitCode()).as(result.stderr().text()).isZero();
            assertThat(host.awaitReceived()).containsExactly("hello");
        }
    }

    @Test
    void tier2RefusesANetworkGrantItCannotHonour() {
        DockerSandboxOrchestrator tier2 = orchestrator(engine, SecurityTier.TIER2);

        assertThatThrownBy(() -> tier2.run(script(engine, modest(), "true").withNetworkAllowed(true)))
                .isInstanceOf(SandboxRequestRefusedException.class)
                .hasMessageContaining("without network");
    }

    @ParameterizedTest
    @MethodSource("dev.symbiont.sandbox.docker.TierSandboxes#tiersAndStarts")
    void nothingOutsideTheScratchDirectoryIsWritable(SecurityTier tier, Start start) {
        ExecutionResult result = run(engine, tier, start, script(engine, modest(), """
                for p in /x /etc/x /bin/x /var/x /home/x /dev/x /dev/shm/x /dev/mqueue/x /proc/x /sys/x; do
                  if touch $p 2>/dev/null; then echo "wrote $p"; fi
                done
                grep ' / ' /proc/mounts
                """));

        assertThat(result.stdout().text()).doesNotContain("wrote");
        String rootMount = result.stdout().text().lines().filter(l -> l.split(" ")[1].equals("/")).findFirst()
                .orElseThrow();
        assertThat(Arrays.asList(rootMount.split(" ")[3].split(","))).as(rootMount).contains("ro");
    }

    @ParameterizedTest
    @MethodSource("dev.symbiont.sandbox.docker.TierSandboxes#tiersAndStarts")
    void scratchDirectoryIsWritableUpToItsSize(SecurityTier tier, Start start) {
        long scratch = 4L << 20;
        ExecutionResult result = run(engine, tier, start, script(engine, modest().withScratchBytes(scratch),
                "dd if=/dev/zero of=/tmp/fill bs=1024 count=8192; echo size=$(stat -c %s /tmp/fill)"));

        assertThat(result.stderr().text()).contains("No space left on device");
        long written = Long.parseLong(result.stdout().text().strip().replace("size=", ""));
        assertThat(written).isBetween(scratch - (512 << 10), scratch);
    }

    @ParameterizedTest
    @MethodSource("dev.symbiont.sandbox.docker.TierSandboxes#tiersAndStarts")
    void runsAsNonRootWithoutCapabilities(SecurityTier tier, Start start) {
        ExecutionResult result = run(engine, tier, start, script(engine, modest(),
                "id -u; id -g; grep -E '^Cap(Prm|Eff|Bnd)' /proc/self/status"));

        List<String> lines = result.stdout().text().lines().toList();
        assertThat(lines.subList(0, 2)).containsExactly("65534", "65534");
        assertThat(lines.subList(2, lines.size())).hasSize(3)
                .allSatisfy(line -> assertThat(line).endsWith("0000000000000000"));
    }

    /** A TCP listener on the host's bridge address that records what connecting containers send. */
    private static final class HostListener implements AutoCloseable {

        private final ServerSocket server;
        private final List<String> received = new CopyOnWriteArrayList<>();
        private final Thread acceptor;
        private final CountDownLatch firstConnection = new CountDownLatch(1);

        HostListener(String address) throws IOException {
            server = new ServerSocket(0, 10, InetAddress.getByName(address));
            acceptor = Thread.ofVirtual().start(this::accept);
        }

        private void accept() {
            while (!server.isClosed()) {
                try (Socket socket = server.accept(); InputStream in = socket.getInputStream()) {
                    received.add(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
                    firstConnection.countDown();
                } catch (SocketException closed) {
                    return;
                } catch (IOException e) {
                    received.add("error: " + e);
                }
            }
        }

        String address() {
            return server.getInetAddress().getHostAddress();
        }

        int port() {
            return server.getLocalPort();
        }

        List<String> received() {
            return List.copyOf(received);
        }

        List<String> awaitReceived() throws InterruptedException {
            firstConnection.await(5, TimeUnit.SECONDS);
            return received();
        }

        @Override
        public void close() throws IOException {
            server.close();
            try {
                acceptor.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
