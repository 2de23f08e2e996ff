package dev.symbiont.it.support;

import dev.symbiont.migration.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the real PostgreSQL of the integration tests once, before any test (and so before Arquillian starts
 * Liberty, which reaches it through SYMBIONT_DB_URL set by Failsafe), and stops it when the test JVM is done.
 * If it cannot start, every test fails with the reason: nothing is skipped.
 */
public class TestDatabaseSession implements LauncherSessionListener {

    private static EmbeddedPostgresServer server;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String port = System.getProperty("symbiont.it.db.port");
        if (port == null || server != null) {
            return; // not under Failsafe (an IDE running a unit test), or already started
        }
        try {
            Path dir = ItSettings.workDirectory().resolve("postgres-it");
            deleteRecursively(dir);
            server = EmbeddedPostgresServer.start(dir, Integer.parseInt(port));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test PostgreSQL on port " + port, e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                server = null;
            }
        }
    }

    /** Direct access to the database the server under test uses, for checks behind the API's back. */
    public static DataSource dataSource() {
        if (server == null) {
            throw new IllegalStateException("the test PostgreSQL is not running (run the ITs with ./mvnw verify)");
        }
        return server.dataSource();
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
