package dev.symbiont.audit.bench;

import dev.symbiont.audit.chain.CheckpointRows;
import dev.symbiont.audit.chain.EventReader;
import dev.symbiont.audit.chain.SealRows;
import dev.symbiont.audit.format.ChainVerifier;
import dev.symbiont.audit.format.Checkpoint;
import dev.symbiont.audit.format.KeySet;
import dev.symbiont.audit.format.Seal;
import dev.symbiont.audit.format.VerificationResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The trail a benchmark left in the database, verified end to end as /api/v1/audit/verify does: proof that what was
 * timed produced chained, sealed, checkpointed events, and that nothing was left pending.
 */
final class StoredTrail {

    private StoredTrail() {
    }

    static VerificationResult verify(Connection connection, KeySet keys) throws SQLException {
        try {
            EventReader reader = new EventReader(connection);
            long size = reader.size();
            List<Seal> seals = SealRows.covering(connection, 0, size - 1);
            List<Checkpoint> checkpoints = CheckpointRows.between(connection, 1, size);
            try (EventReader.Cursor events = reader.range(0, size - 1)) {
                return ChainVerifier.forKeys(keys).toEndOfChain().build()
                        .verify(events, seals.iterator(), checkpoints.iterator());
            }
        } finally {
            connection.rollback();
        }
    }

    static long pendingEvents(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM audit_pending");
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        } finally {
            connection.rollback();
        }
    }
}
