package dev.symbiont.runtime;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** A real round trip to the database, for health checks. */
@ApplicationScoped
public class DatabaseProbe {

    /** Outcome of one probe. {@code error} is set when the database did not answer. */
    public record Result(boolean up, long latencyMillis, String error) {
    }

    @Resource(lookup = "jdbc/symbiont")
    DataSource dataSource;

    public Result probe() {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection(); var statement = c.createStatement()) {
            statement.setQueryTimeout(3);
            statement.execute("SELECT 1");
            return new Result(true, (System.nanoTime() - start) / 1_000_000, null);
        } catch (SQLException e) {
            return new Result(false, (System.nanoTime() - start) / 1_000_000, e.getMessage());
        }
    }
}
