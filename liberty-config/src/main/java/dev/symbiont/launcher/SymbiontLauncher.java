package dev.symbiont.launcher;

import dev.symbiont.migration.EmbeddedPostgresServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The one command that runs Symbiont on its embedded defaults: starts PostgreSQL (unless SYMBIONT_DB_URL points
 * at an external one), then Liberty with the runtime, waits until it is ready, and prints where everything is and
 * the first admin token. Ctrl-C (or SIGTERM) stops Liberty first, then PostgreSQL.
 */
public final class SymbiontLauncher {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final LauncherSettings settings;
    private EmbeddedPostgresServer database;
    private Process liberty;
    private Object previousLogKey;

    private SymbiontLauncher(LauncherSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        LauncherSettings settings;
        try {
            settings = LauncherSettings.from(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("symbiont: " + e.getMessage());
            System.exit(2);
            return;
        }
        var launcher = new SymbiontLauncher(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "symbiont-shutdown"));
        System.exit(launcher.run());
    }

    private int run() throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("SYMBIONT_HTTP_PORT", Integer.toString(settings.httpPort()));
        String dbDescription;
        if (settings.externalDbUrl().isPresent()) {
            dbDescription = "external PostgreSQL at " + settings.externalDbUrl().get();
        } else {
            var dataDir = settings.dataDirectory().resolve("postgres");
            System.out.println("symbiont: starting embedded PostgreSQL, data in " + dataDir);
            database = EmbeddedPostgresServer.start(dataDir, settings.embeddedDbPort());
            env.put("SYMBIONT_DB_URL", database.jdbcUrl());
            env.put("SYMBIONT_DB_USER", EmbeddedPostgresServer.USER);
            env.put("SYMBIONT_DB_PASSWORD", "embedded");
            dbDescription = "embedded PostgreSQL on port " + database.port() + ", data in " + dataDir;
        }
        var command = new ProcessBuilder(settings.wlpHome().resolve("bin/server").toString(), "run",
                settings.serverName()).inheritIO();
        command.environment().putAll(env);
        System.out.println("symbiont: starting Liberty server " + settings.serverName());
        previousLogKey = logFileKey();
        liberty = command.start();
        if (!awaitStarted()) {
            System.err.println("symbiont: the runtime did not start; see "
                    + settings.serverDirectory().resolve("logs/messages.log"));
            stop();
            return 1;
        }
        printBanner(dbDescription);
        return liberty.waitFor();
    }

    /**
     * Waits for the startup check: the application is up. Readiness can stay down for reasons the runtime reports
     * itself (no Docker engine for the sandbox), which the banner then shows.
     */
    private boolean awaitStarted() throws InterruptedException {
        var started = HttpRequest.newBuilder(URI.create(base() + "/health/started")).timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline) && liberty.isAlive() && !applicationFailed()) {
            try {
                if (client.send(started, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        return false;
    }

    /**
     * Liberty keeps running when the application fails to start; its messages say so (CWWKZ0002E). Only the log
     * of this start counts: Liberty rolls the previous messages.log over to a new file when it starts.
     */
    private boolean applicationFailed() {
        var log = messagesLog();
        try {
            Object key = logFileKey();
            return key != null && !key.equals(previousLogKey) && Files.readString(log).contains("CWWKZ0002E");
        } catch (IOException e) {
            return false;
        }
    }

    private Object logFileKey() {
        try {
            return Files.readAttributes(messagesLog(), BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private java.nio.file.Path messagesLog() {
        return settings.serverDirectory().resolve("logs/messages.log");
    }

    private void printBanner(String dbDescription) throws IOException {
        String base = base();
        var banner = new StringBuilder()
                .append("\n=============== Symbiont runtime has started ===============\n")
                .append("  API        ").append(base).append("/api/v1\n")
                .append("  Health     ").append(base).append("/health (live, ready, started), ")
                .append(base).append("/api/v1/health\n")
                .append("  Metrics    ").append(base).append("/metrics\n")
                .append("  OpenAPI    ").append(base).append("/openapi  (UI: ").append(base).append("/openapi/ui)\n")
                .append("  Database   ").append(dbDescription).append('\n')
                .append("  Readiness  ").append(readiness()).append('\n');
        var keyFile = settings.adminKeyFile();
        if (Files.isRegularFile(keyFile)) {
            banner.append("  Admin key  ").append(Files.readString(keyFile).strip()).append('\n')
                    .append("             (created on this first start and shown only now: store it safely)\n");
            Files.delete(keyFile);
        } else {
            banner.append("  Admin key  the one created on first start, or SYMBIONT_ADMIN_KEY\n");
        }
        banner.append("  Stop       Ctrl-C\n")
                .append("===========================================================\n");
        System.out.println(banner);
    }

    /** UP, or DOWN with the checks' own words (e.g. the sandbox's missing Docker engine). */
    private String readiness() {
        var ready = HttpRequest.newBuilder(URI.create(base() + "/health/ready")).timeout(Duration.ofSeconds(10))
                .build();
        try {
            HttpResponse<String> response = client.send(ready, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? "UP"
                    : "DOWN (" + base() + "/health/ready): " + response.body().replaceAll("\\s+", " ");
        } catch (IOException e) {
            return "unknown: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private String base() {
        return "http://localhost:" + settings.httpPort();
    }

    /** Liberty first (it may still be writing), then the database. */
    private synchronized void stop() {
        if (liberty != null && liberty.isAlive()) {
            System.out.println("symbiont: stopping Liberty");
            try {
                var stop = new ProcessBuilder(settings.wlpHome().resolve("bin/server").toString(), "stop",
                        settings.serverName()).inheritIO();
                stop.environment().put("JAVA_HOME", System.getProperty("java.home"));
                stop.start().waitFor(90, TimeUnit.SECONDS);
                if (!liberty.waitFor(30, TimeUnit.SECONDS)) {
                    liberty.destroyForcibly();
                }
            } catch (IOException | InterruptedException e) {
                liberty.destroyForcibly();
            }
        }
        if (database != null) {
            System.out.println("symbiont: stopping PostgreSQL");
            try {
                database.close();
            } catch (IOException e) {
                System.err.println("symbiont: PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            database = null;
        }
    }
}
