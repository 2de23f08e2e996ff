package dev.symbiont.audit.bench;

import dev.symbiont.migration.EmbeddedPostgresServer;
import dev.symbiont.migration.SchemaMigrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The PostgreSQL the runtime uses when none is configured (embedded, PostgreSQL 18), in a throw-away directory, with
 * the real migrations and, for the baseline, audit_event_plain: audit_event's columns without its triggers, keys or
 * indexes. Durability is production's: the benchmark checks fsync and synchronous_commit rather than assuming them.
 */
final class BenchDatabase implements AutoCloseable {

    private static final String[] SETTINGS = {"fsync", "synchronous_commit", "wal_sync_method", "full_page_writes",
        "shared_buffers", "max_wal_size", "server_version"};

    private final Path directory;
    private final EmbeddedPostgresServer server;

    private BenchDatabase(Path directory, EmbeddedPostgresServer server) {
        this.directory = directory;
        this.server = server;
    }

    static BenchDatabase start() throws IOException, SQLException {
        Path directory = Files.createTempDirectory("symbiont-audit-bench");
        BenchDatabase database = new BenchDatabase(directory,
                EmbeddedPostgresServer.start(directory.resolve("data"), 0));
        new SchemaMigrator(database.server.dataSource()).migrate();
        try (Connection c = database.connect(); Statement ddl = c.createStatement()) {
            ddl.execute("CREATE TABLE audit_event_plain (LIKE audit_event INCLUDING DEFAULTS)");
            c.commit();
        }
        Map<String, String> settings = database.settings();
        if (!"on".equals(settings.get("fsync")) || !"on".equals(settings.get("synchronous_commit"))) {
            throw new IllegalStateException("commits would not be durable: " + settings);
        }
        return database;
    }

    /** A connection outside auto-commit: every round commits explicitly, as the runtime's transactions do. */
    Connection connect() throws SQLException {
        Connection connection = server.dataSource().getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    Map<String, String> settings() throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection c = server.dataSource().getConnection(); Statement query = c.createStatement()) {
            for (String name : SETTINGS) {
                try (ResultSet row = query.executeQuery("SHOW " + name)) {
                    row.next();
                    settings.put(name, row.getString(1));
                }
            }
        }
        return settings;
    }

    @Override
    public void close() throws IOException {
        try {
            server.close();
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
