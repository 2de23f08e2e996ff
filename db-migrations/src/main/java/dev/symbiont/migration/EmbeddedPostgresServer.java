package dev.symbiont.migration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * A real PostgreSQL (zonky's binaries, linux-amd64) whose data lives in a directory that survives restarts.
 * It is the default database when none is configured, and the database of the integration tests.
 * Listens on localhost only, with trust authentication: a development default, not a production setup.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "symbiont";
    public static final String USER = "postgres";
    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class.getName());

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on {@code port} (0 = any free port) with its data in {@code dataDirectory}. */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        stopOrphanedPostmaster(dataDirectory);
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "200")
                // zonky tunes for throw-away test databases; this one keeps data, so commits must be durable
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on");
        if (port > 0) {
            builder.setPort(port);
        }
        var server = new EmbeddedPostgresServer(builder.start());
        server.createDatabaseIfMissing();
        return server;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public javax.sql.DataSource dataSource() {
        return postgres.getDatabase(USER, DATABASE);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    private void createDatabaseIfMissing() throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (var rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (var create = c.createStatement()) {
                        create.execute("CREATE DATABASE " + DATABASE);
                    }
                    LOG.info(() -> "created database " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot create database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    /**
     * A launcher killed with -9 leaves its postmaster running on the data directory; the next start would fail on
     * the lock. Ask that postmaster to shut down (SIGTERM = PostgreSQL's smart shutdown) and wait for it.
     */
    private static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        if (!firstLine.matches("\\d+")) {
            return;
        }
        var process = ProcessHandle.of(Long.parseLong(firstLine));
        if (process.isEmpty() || !process.get().info().command().orElse("").endsWith("postgres")) {
            return;
        }
        LOG.warning(() -> "stopping a PostgreSQL left running on " + dataDirectory + " (pid " + firstLine + ")");
        process.get().destroy();
        try {
            process.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("PostgreSQL pid " + firstLine + " on " + dataDirectory + " did not stop", e);
        }
    }
}
