package dev.symbiont.it.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Holds the audit chain's advisory lock from outside the runtime, as another node busy sealing would: the runtime's
 * sealer waits while actions go on committing their events to audit_pending.
 */
public final class SealerHeldBack implements AutoCloseable {

    /** dev.symbiont.audit.chain.ChainLock's key ("SYMBAUDT"); if it drifted, no events pile up and tests say so. */
    private static final long CHAIN_LOCK_KEY = 0x53594d4241554454L;

    private final Connection connection;

    private SealerHeldBack(Connection connection) {
        this.connection = connection;
    }

    public static SealerHeldBack take(DataSource db) throws SQLException {
        Connection connection = db.getConnection();
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, CHAIN_LOCK_KEY);
            lock.execute();
            return new SealerHeldBack(connection);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /** Lets the sealer go; releasing twice is harmless. */
    public void release() throws SQLException {
        // ending the session releases its advisory locks
        connection.close();
    }

    @Override
    public void close() throws SQLException {
        release();
    }
}
