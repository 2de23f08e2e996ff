package dev.symbiont.sandbox.engine;

import com.github.dockerjava.api.model.Network;
import dev.symbiont.sandbox.docker.DockerEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Docker engine with gVisor for tests, owned by the project. Either the engine named by
 * {@code SYMBIONT_TEST_DOCKER_HOST} (or {@code -Dsymbiont.test.docker-host}), used as is and never stopped, or the
 * project's own: Debian packages installed if missing (as root), a private dockerd started with runsc registered,
 * the busybox test image imported, and everything stopped again on {@link #close()} or JVM exit.
 * One JVM at a time uses a checkout's own engine (a file lock), so a second test run waits instead of stopping
 * the first one's daemon.
 */
public final class LocalDockerEngine implements AutoCloseable {

    public static final String DOCKER_HOST_PROPERTY = "symbiont.test.docker-host";
    public static final String DOCKER_HOST_ENV = "SYMBIONT_TEST_DOCKER_HOST";
    public static final String GVISOR_RUNTIME_PROPERTY = "symbiont.test.gvisor-runtime";
    /** Where the own engine's socket goes, when something else (a server under test) must know it in advance. */
    public static final String RUN_DIR_PROPERTY = "symbiont.test.docker-run-dir";

    private final String dockerHost;
    private final String gvisorRuntime;
    private final DockerEngine engine;
    private final DockerDaemon daemon;
    private final DaemonLayout layout;
    private final FileLock lock;
    private final Thread shutdownHook = new Thread(this::stop, "symbiont-dockerd-stop");

    private LocalDockerEngine(String dockerHost, String gvisorRuntime, DockerEngine engine, DockerDaemon daemon,
                              DaemonLayout layout, FileLock lock) {
        this.dockerHost = dockerHost;
        this.gvisorRuntime = gvisorRuntime;
        this.engine = engine;
        this.daemon = daemon;
        this.layout = layout;
        this.lock = lock;
    }

    public static LocalDockerEngine start() {
        String gvisorRuntime = System.getProperty(GVISOR_RUNTIME_PROPERTY, "runsc");
        String external = System.getProperty(DOCKER_HOST_PROPERTY, System.getenv(DOCKER_HOST_ENV));
        return external == null || external.isBlank() ? startOwn(gvisorRuntime) : useExternal(external, gvisorRuntime);
    }

    private static LocalDockerEngine useExternal(String dockerHost, String gvisorRuntime) {
        List<String> timings = new ArrayList<>();
        DockerEngine engine = DockerEngine.connect(dockerHost, 64);
        requireRuntime(engine, gvisorRuntime, "the engine named by " + DOCKER_HOST_ENV);
        ensureImage(engine, dockerHost, Path.of("target").toAbsolutePath(), timings);
        timings.forEach(t -> System.out.println("[local docker engine] " + t));
        return new LocalDockerEngine(dockerHost, gvisorRuntime, engine, null, null, null);
    }

    private static LocalDockerEngine startOwn(String gvisorRuntime) {
        if (!HostCommands.isRoot()) {
            throw new IllegalStateException("The sandbox tests start a private dockerd with gVisor, which needs root ("
                    + "and, once, apt-get install -y " + String.join(" ", DebianPackages.NEEDED) + "). Run them as "
                    + "root, or set " + DOCKER_HOST_ENV + " to an engine that has the runsc runtime registered, or "
                    + "leave them out explicitly with -DexcludedGroups=sandbox.");
        }
        Path project = projectRoot();
        DaemonLayout layout = layout(project);
        List<String> timings = new ArrayList<>();
        FileLock lock = lock(layout.stateDir());
        String bridge = "sym%08x".formatted(project.toString().hashCode());
        DockerEngine engine = DockerEngine.connect(layout.dockerHost(), 64);
        DockerDaemon daemon = null;
        try {
            Optional<DockerDaemon> running = DockerDaemon.running(layout, bridge);
            if (running.isPresent() && engine.probe().reachable()) {
                daemon = running.get();
                timings.add("adopted dockerd " + daemon.pid() + " left running by an earlier test JVM");
            } else {
                long start = System.nanoTime();
                List<String> installed = DebianPackages.ensureInstalled();
                timings.add((installed.isEmpty() ? "packages already installed" : "installed " + installed) + ": "
                        + millisSince(start) + " ms");
                start = System.nanoTime();
                daemon = DockerDaemon.start(layout, bridge, gvisorRuntime);
                timings.add("dockerd " + daemon.pid() + " ready on " + layout.socket() + ": " + millisSince(start)
                        + " ms");
            }
            requireRuntime(engine, gvisorRuntime, "the project's dockerd (" + layout.configFile() + ")");
            ensureImage(engine, layout.dockerHost(), layout.stateDir(), timings);
            LocalDockerEngine local = new LocalDockerEngine(layout.dockerHost(), gvisorRuntime, engine, daemon,
                    layout, lock);
            Runtime.getRuntime().addShutdownHook(local.shutdownHook);
            timings.forEach(t -> System.out.println("[local docker engine] " + t));
            return local;
        } catch (RuntimeException e) {
            if (daemon != null) {
                daemon.stop();
            }
            engine.close();
            release(lock);
            throw e;
        }
    }

    private static void ensureImage(DockerEngine engine, String dockerHost, Path stateDir, List<String> timings) {
        long start = System.nanoTime();
        boolean imported = BusyboxImage.ensure(engine.client(), dockerHost, stateDir);
        timings.add("test image " + BusyboxImage.NAME + (imported ? " imported" : " already present") + ": "
                + millisSince(start) + " ms");
    }

    private static void requireRuntime(DockerEngine engine, String runtime, String which) {
        DockerEngine.Probe probe = engine.probe();
        if (!probe.reachable()) {
            throw new IllegalStateException(probe.error());
        }
        if (!probe.runtimes().contains(runtime)) {
            throw new IllegalStateException("OCI runtime '" + runtime + "' is not registered with " + which
                    + "; registered: " + probe.runtimes());
        }
    }

    public String dockerHost() {
        return dockerHost;
    }

    /** A connection for tests; closed with this engine. */
    public DockerEngine engine() {
        return engine;
    }

    public String image() {
        return BusyboxImage.NAME;
    }

    public String gvisorRuntime() {
        return gvisorRuntime;
    }

    /** The host's address on the engine's default bridge: what a container granted network can reach. */
    public String hostAddressOnBridge() {
        Network bridge = engine.client().inspectNetworkCmd().withNetworkId("bridge").exec();
        return bridge.getIpam().getConfig().getFirst().getGateway();
    }

    /** The block device under the engine's data root (where image layers are read from), if this is our engine. */
    public Optional<String> blockDevice() {
        if (layout == null) {
            return Optional.empty();
        }
        HostCommands.Outcome source = HostCommands.run("findmnt", "-n", "-o", "SOURCE", "--target",
                layout.dataRoot().toString());
        // a bind-mounted directory shows as /dev/vda[/path]
        String device = source.output().strip().replaceFirst("\\[.*$", "");
        return source.ok() && device.startsWith("/dev/") ? Optional.of(device) : Optional.empty();
    }

    /** Path of a file in the test image, for disk throttling tests, and its size. */
    public String blobPath() {
        return BusyboxImage.BLOB;
    }

    public int blobBytes() {
        return BusyboxImage.BLOB_BYTES;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs stop()
        }
        stop();
    }

    private synchronized void stop() {
        engine.close();
        if (daemon != null) {
            long start = System.nanoTime();
            daemon.stop();
            System.out.println("[local docker engine] dockerd stopped in " + (System.nanoTime() - start) / 1_000_000
                    + " ms");
        }
        release(lock);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve(".mvn"))) {
                return p;
            }
        }
        return dir;
    }

    static DaemonLayout layout(Path project) {
        Path state = project.resolve(".symbiont/docker");
        Path run = state.resolve("run");
        String fixedRun = System.getProperty(RUN_DIR_PROPERTY);
        if (fixedRun != null && !fixedRun.isBlank()) {
            run = Path.of(fixedRun);
        }
        // containerd puts sockets 45 bytes deep under the exec root; unix socket paths end at 107 bytes.
        if (run.toString().length() > 60) {
            run = Path.of("/tmp", "symbiont-docker-%08x".formatted(project.toString().hashCode()));
        }
        Path module = Path.of("").toAbsolutePath();
        return new DaemonLayout(state, run, module.resolve("target/docker-engine"));
    }

    private static FileLock lock(Path stateDir) {
        try {
            Files.createDirectories(stateDir);
            FileChannel channel = FileChannel.open(stateDir.resolve("engine.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                System.out.println("[local docker engine] another JVM uses this checkout's engine; waiting for it");
                lock = channel.lock();
            }
            return lock;
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock " + stateDir, e);
        }
    }

    private static void release(FileLock lock) {
        if (lock == null) {
            return;
        }
        try {
            lock.channel().close();
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
    }

    /** Starts the engine and keeps it until Ctrl-C: {@code DOCKER_HOST} for manual runs against the same setup. */
    public static void main(String[] args) throws InterruptedException {
        LocalDockerEngine engine = start();
        System.out.println("DOCKER_HOST=" + engine.dockerHost());
        Thread.currentThread().join();
    }
}
