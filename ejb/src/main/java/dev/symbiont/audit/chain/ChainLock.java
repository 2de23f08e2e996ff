package dev.symbiont.audit.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The transaction-scoped advisory lock that orders every writer of the chain, on every node. */
public final class ChainLock {

    /** "SYMBAUDT" */
    private static final long KEY = 0x53594d4241554454L;

    private ChainLock() {
    }

    public static void acquire(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, KEY);
            lock.execute();
        }
    }
}
