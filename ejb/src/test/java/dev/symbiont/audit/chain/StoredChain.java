package dev.symbiont.audit.chain;

import dev.symbiont.audit.format.ChainVerifier;
import dev.symbiont.audit.format.ChainedEvent;
import dev.symbiont.audit.format.KeySet;
import dev.symbiont.audit.format.PublishedKey;
import dev.symbiont.audit.format.RawKeySigner;
import dev.symbiont.audit.format.VerificationResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The chain as stored, read back through the production reader and checked by the production verifier. */
final class StoredChain {

    private StoredChain() {
    }

    static List<ChainedEvent> events(Connection connection) throws SQLException {
        EventReader reader = new EventReader(connection);
        long size = reader.size();
        List<ChainedEvent> events = new ArrayList<>();
        if (size > 0) {
            try (EventReader.Cursor cursor = reader.range(0, size - 1)) {
                cursor.forEachRemaining(events::add);
            }
        }
        return events;
    }

    /** Chain, seals and checkpoint roots from seq 0 to the head, as GET /api/v1/audit/verify checks them. */
    static VerificationResult verify(Connection connection, KeySet keys) throws SQLException {
        long size = new EventReader(connection).size();
        try (EventReader.Cursor events = new EventReader(connection).range(0, size - 1)) {
            return ChainVerifier.forKeys(keys).toEndOfChain().build().verify(events,
                    SealRows.covering(connection, 0, size - 1).iterator(),
                    CheckpointRows.between(connection, 1, size).iterator());
        }
    }

    /** The nodes' public keys, valid since the epoch (the tests sign with them from the start). */
    static KeySet keysOf(List<RawKeySigner> nodes) {
        return KeySet.of(nodes.stream().map(node -> PublishedKey.of(node.publicKey(), Instant.EPOCH, null)).toList());
    }
}
