package dev.symbiont.testing;

import dev.symbiont.migration.EmbeddedPostgresServer;
import dev.symbiont.migration.SchemaMigrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL for one test class, with the production migrations applied (audit tables and their triggers
 * included). If it cannot start, the test class fails with the reason; it is never skipped.
 */
public final class MigratedPostgres implements BeforeAllCallback, AfterAllCallback {

    private Path directory;
    private EmbeddedPostgresServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        directory = Files.createTempDirectory("symbiont-audit-pg-");
        server = EmbeddedPostgresServer.start(directory, 0);
        new SchemaMigrator(server.dataSource()).migrate();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            deleteRecursively(directory);
        }
    }

    public DataSource dataSource() {
        return server.dataSource();
    }

    /** A connection in manual-commit mode, as the sealer needs it. */
    public Connection transactional() throws SQLException {
        Connection connection = dataSource().getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
