package dev.symbiont.sandbox.engine;

import dev.symbiont.sandbox.docker.DockerEngine;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The project's own dockerd: its own config, data root, exec root, pid file, socket and bridge, so it coexists
 * with a system engine and other checkouts. gVisor is registered with {@code --network=none} (its own networking
 * fails on this kernel). iptables is left alone: no NAT, no FORWARD policy change on the host; a container granted
 * network reaches the host's bridge address and nothing beyond.
 */
final class DockerDaemon {

    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(20);

    private final DaemonLayout layout;
    private final String bridge;
    private final ProcessHandle process;

    private DockerDaemon(DaemonLayout layout, String bridge, ProcessHandle process) {
        this.layout = layout;
        this.bridge = bridge;
        this.process = process;
    }

    /** A daemon of this layout that is still running from an earlier JVM, if any: it is ours, so it is adopted. */
    static Optional<DockerDaemon> running(DaemonLayout layout, String bridge) {
        return pidFromFile(layout).map(p -> new DockerDaemon(layout, bridge, p));
    }

    static DockerDaemon start(DaemonLayout layout, String bridge, String gvisorRuntime) {
        try {
            stopStale(layout);
            Files.createDirectories(layout.dataRoot());
            Files.createDirectories(layout.runDir());
            Files.createDirectories(layout.buildDir());
            Files.deleteIfExists(layout.socket());
            Bridge.ensure(bridge);
            Files.writeString(layout.configFile(), config(layout, bridge, gvisorRuntime), StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder(dockerd(), "--config-file", layout.configFile().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.logFile().toFile()));
            builder.environment().put("PATH", HostCommands.PATH);
            Process started = builder.start();
            DockerDaemon daemon = new DockerDaemon(layout, bridge, started.toHandle());
            daemon.awaitReady();
            return daemon;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start dockerd", e);
        }
    }

    private static String dockerd() {
        return Files.isExecutable(Path.of("/usr/sbin/dockerd")) ? "/usr/sbin/dockerd" : "dockerd";
    }

    static String config(DaemonLayout layout, String bridge, String gvisorRuntime) {
        JsonObject gvisor = Json.createObjectBuilder()
                .add("path", runscPath())
                .add("runtimeArgs", Json.createArrayBuilder().add("--network=none"))
                .build();
        JsonObject config = Json.createObjectBuilder()
                .add("hosts", Json.createArrayBuilder().add(layout.dockerHost()))
                .add("data-root", layout.dataRoot().toString())
                .add("exec-root", layout.execRoot().toString())
                .add("pidfile", layout.pidFile().toString())
                .add("bridge", bridge)
                .add("iptables", false)
                .add("ip-forward", false)
                .add("ip-masq", false)
                .add("userland-proxy", false)
                .add("log-driver", "none")
                .add("runtimes", Json.createObjectBuilder().add(gvisorRuntime, gvisor))
                .build();
        StringWriter json = new StringWriter();
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(json).write(config);
        return json.toString();
    }

    private static String runscPath() {
        return Files.isExecutable(Path.of("/usr/bin/runsc")) ? "/usr/bin/runsc" : "runsc";
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        try (DockerEngine engine = DockerEngine.connect(layout.dockerHost(), 4)) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("dockerd exited during startup; " + logTail());
                }
                if (engine.probe().reachable()) {
                    return;
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for dockerd", e);
        }
        stop();
        throw new IllegalStateException("dockerd did not answer on " + layout.socket() + " within " + START_LIMIT
                + "; " + logTail());
    }

    /** SIGTERM (dockerd then stops its containers and containerd), SIGKILL if it hangs; then the bridge goes. */
    void stop() {
        terminate(process);
        Bridge.remove(bridge);
    }

    long pid() {
        return process.pid();
    }

    private static void terminate(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy();
        try {
            handle.onExit().get(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
        }
    }

    /** dockerd refuses to start while the pid in its pid file runs; that can only be an earlier daemon of ours. */
    private static void stopStale(DaemonLayout layout) throws IOException {
        pidFromFile(layout).ifPresent(DockerDaemon::terminate);
        Files.deleteIfExists(layout.pidFile());
    }

    private static Optional<ProcessHandle> pidFromFile(DaemonLayout layout) {
        try {
            if (!Files.exists(layout.pidFile())) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(layout.pidFile()).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("dockerd")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String logTail() {
        try {
            return "dockerd log " + layout.logFile() + ":\n"
                    + HostCommands.tail(Files.readString(layout.logFile(), StandardCharsets.UTF_8), 15);
        } catch (IOException e) {
            return "no dockerd log at " + layout.logFile();
        }
    }
}
