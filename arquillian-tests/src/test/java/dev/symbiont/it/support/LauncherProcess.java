package dev.symbiont.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The run command's launcher ({@code ./mvnw -Prun} runs exactly this class) as a separate process with its own
 * Liberty server copied from the built one, so tests see what a user sees: the banner, the ports, a clean stop.
 */
public final class LauncherProcess implements AutoCloseable {

    private static final Pattern ADMIN_KEY = Pattern.compile("Admin key\\s+(sym_[a-z2-7]{12}_[A-Za-z0-9_-]{43})");

    private final Process process;
    private final Path output;
    private final int httpPort;

    private LauncherProcess(Process process, Path output, int httpPort) {
        this.process = process;
        this.output = output;
        this.httpPort = httpPort;
    }

    /** A fresh copy of the built server "symbiont" (configuration and application, no logs or state). */
    public static String prepareServer(String name) throws IOException {
        Path servers = ItSettings.wlpHome().resolve("usr/servers");
        Path source = servers.resolve("symbiont");
        Path target = servers.resolve(name);
        TestDatabaseSession.deleteRecursively(target);
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path p : paths.toList()) {
                Path relative = source.relativize(p);
                String first = relative.getNameCount() == 0 ? "" : relative.getName(0).toString();
                if (first.equals("logs") || first.equals("workarea") || first.equals("initial-admin-key")) {
                    continue;
                }
                Path dest = target.resolve(relative);
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
        return name;
    }

    public static LauncherProcess start(String server, Path dataDir, Map<String, String> env, Path output)
            throws IOException {
        var command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.symbiont.launcher.SymbiontLauncher",
                ItSettings.wlpHome().toString(), server, dataDir.toString());
        // the test JVM's own SYMBIONT_* settings belong to the Arquillian server, not to this one
        command.environment().keySet().removeIf(k -> k.startsWith("SYMBIONT_"));
        command.environment().putAll(env);
        command.redirectErrorStream(true).redirectOutput(output.toFile());
        int port = Integer.parseInt(env.getOrDefault("SYMBIONT_HTTP_PORT", "9080"));
        return new LauncherProcess(command.start(), output, port);
    }

    /** Waits for the "started" banner; fails with the launcher's output if it does not come. */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (output().contains("Symbiont runtime has started")) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("launcher exited with " + process.exitValue() + ":\n" + tail());
            }
            Thread.sleep(250);
        }
        throw new AssertionError("launcher not ready after " + timeout + ":\n" + tail());
    }

    public String output() throws IOException {
        return Files.readString(output);
    }

    public Optional<String> printedAdminKey() throws IOException {
        Matcher m = ADMIN_KEY.matcher(output());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    /** SIGTERM, as a service manager stops it; the JVM's shutdown path is the same as for Ctrl-C. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(150, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("launcher did not stop within 150 s");
        }
        return process.exitValue();
    }

    /**
     * kill -9 of Liberty's JVM (the launcher's child: {@code server run} execs it) and then of the launcher, as the
     * OOM killer or a power cut would end them: no shutdown hook, no server stop, open transactions cut off.
     * Returns when all of them are gone, with the "pid command" of each descendant killed.
     */
    public List<String> killHard() throws InterruptedException {
        List<ProcessHandle> descendants = process.descendants().toList();
        List<String> killed = descendants.stream()
                .map(p -> p.pid() + " " + p.info().command().orElse("?")).toList();
        if (killed.stream().noneMatch(p -> p.endsWith("/java"))) {
            throw new AssertionError("no Liberty JVM under the launcher to kill: " + killed + "\n" + tail());
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle descendant : descendants) {
            awaitExit(descendant);
        }
        process.destroyForcibly();
        awaitExit(process.toHandle());
        return killed;
    }

    private static void awaitExit(ProcessHandle handle) throws InterruptedException {
        try {
            handle.onExit().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("process " + handle.pid() + " is still alive 30 s after kill -9", e);
        }
    }

    public static boolean listening(int port) {
        try (var socket = new Socket("localhost", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String tail() {
        try {
            String all = output();
            return all.length() > 6000 ? all.substring(all.length() - 6000) : all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
