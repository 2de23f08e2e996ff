package dev.symbiont.audit.chain;

import dev.symbiont.audit.format.ChainedEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An event recorded by an action and not yet in the chain. */
record PendingRow(long id, UUID eventId, Instant occurredAt, UUID agentId, String eventType, String actor,
                  String decision, String details) {

    static List<PendingRow> oldest(Connection connection, int limit) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT id, event_id, occurred_at, agent_id, event_type, actor, decision, details
                FROM audit_pending ORDER BY id LIMIT ?""")) {
            query.setInt(1, limit);
            try (ResultSet rows = query.executeQuery()) {
                List<PendingRow> pending = new ArrayList<>(limit);
                while (rows.next()) {
                    pending.add(new PendingRow(rows.getLong(1), rows.getObject(2, UUID.class),
                            rows.getObject(3, OffsetDateTime.class).toInstant(), rows.getObject(4, UUID.class),
                            rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8)));
                }
                return pending;
            }
        }
    }

    /** Once sealed, the pending rows go (the database refuses to let an unsealed one go). */
    static void release(Connection connection, List<PendingRow> sealed) throws SQLException {
        Long[] ids = sealed.stream().map(PendingRow::id).toArray(Long[]::new);
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM audit_pending WHERE id = ANY(?)")) {
            delete.setArray(1, connection.createArrayOf("bigint", ids));
            delete.executeUpdate();
        }
    }

    ChainedEvent chainAt(long seq, byte[] prevHash) {
        return ChainedEvent.append(seq, eventId, occurredAt, agentId, eventType, actor, decision, details, prevHash);
    }
}
