package dev.symbiont.audit.bench;

import dev.symbiont.audit.AuditEntry;
import dev.symbiont.runtime.Ids;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The baseline: audit_event's rows, same columns and sizes, written with a JDBC batched INSERT (the way
 * PendingEvents batches) into a table with no trigger, key or index. The details JSON and both hashes arrive
 * ready-made, so this measures only how fast this PostgreSQL can durably take the rows: the limit the trail is
 * compared with.
 */
final class PlainInsert {

    private static final String INSERT = """
            INSERT INTO audit_event_plain (seq, event_id, occurred_at, agent_id, event_type, actor, decision, details,
                                           prev_hash, chain_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private PlainInsert() {
    }

    static void insert(Connection connection, long firstSeq, List<AuditWorkload.Template> rows, Instant at)
            throws SQLException {
        OffsetDateTime occurredAt = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        long seq = firstSeq;
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (AuditWorkload.Template row : rows) {
                AuditEntry entry = row.entry();
                insert.setLong(1, seq++);
                insert.setObject(2, Ids.newId());
                insert.setObject(3, occurredAt);
                insert.setObject(4, entry.agentId(), Types.OTHER);
                insert.setString(5, entry.type().wireName());
                insert.setString(6, entry.actor());
                insert.setString(7, entry.decision());
                insert.setString(8, row.detailsJson());
                insert.setBytes(9, row.prevHash());
                insert.setBytes(10, row.chainHash());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
