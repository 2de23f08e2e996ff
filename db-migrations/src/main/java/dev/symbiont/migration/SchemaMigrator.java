package dev.symbiont.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database to the newest schema with the SQL migrations in {@code db/migration}. Used by the runtime at
 * startup (before anything touches the schema) and by {@link MigrationCommand} for operators.
 * The empty {@code flyway.location} files in db/migration and db/callback let Flyway find those directories inside
 * Liberty's class loaders.
 */
public final class SchemaMigrator {

    public static final String LOCATION = "classpath:db/migration";
    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    private final DataSource dataSource;

    public SchemaMigrator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Applies pending migrations; fails if an applied migration was changed after it ran. */
    public MigrateResult migrate() {
        return flyway().migrate();
    }

    /** Validates the applied migrations against the ones shipped, without changing anything. */
    public void validate() {
        flyway().validate();
    }

    public String info() {
        var sb = new StringBuilder();
        for (var m : flyway().info().all()) {
            sb.append(String.format("%-8s %-50s %-10s %s%n", m.getVersion(), m.getDescription(), m.getState(),
                    m.getInstalledOn() == null ? "" : m.getInstalledOn()));
        }
        return sb.toString();
    }

    /**
     * Waits until the database accepts connections, so the runtime can start before its database does
     * (containers, a database restarting). Gives up with the last connection error after {@code timeout}.
     */
    public void awaitDatabase(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        long pauseMillis = 200;
        while (true) {
            try (Connection c = dataSource.getConnection()) {
                if (c.isValid(5)) {
                    return;
                }
            } catch (SQLException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new DatabaseUnavailableException(
                            "database not reachable after " + timeout.toSeconds() + " s: " + e.getMessage(), e);
                }
                LOG.info(() -> "waiting for the database: " + e.getMessage());
            }
            sleep(pauseMillis);
            pauseMillis = Math.min(pauseMillis * 2, 2_000);
        }
    }

    private Flyway flyway() {
        return Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                // migrations are plain SQL; "${" inside JSON documents (V3) must stay as written
                .placeholderReplacement(false)
                .validateMigrationNaming(true)
                .load();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseUnavailableException("interrupted while waiting for the database", e);
        }
    }

    public static final class DatabaseUnavailableException extends RuntimeException {
        public DatabaseUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
