package dev.symbiont.audit.chain;

import dev.symbiont.audit.AuditEntry;
import dev.symbiont.audit.CanonicalJson;
import dev.symbiont.runtime.Ids;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Writes audit entries to audit_pending on the caller's connection and transaction. */
public final class PendingEvents {

    private static final String INSERT = """
            INSERT INTO audit_pending (event_id, occurred_at, agent_id, event_type, actor, decision, details)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    private PendingEvents() {
    }

    public static void insert(Connection connection, List<AuditEntry> entries) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (AuditEntry entry : entries) {
                insert.setObject(1, Ids.newId());
                insert.setObject(2, OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC));
                insert.setObject(3, entry.agentId(), Types.OTHER);
                insert.setString(4, entry.type().wireName());
                insert.setString(5, entry.actor());
                insert.setString(6, entry.decision());
                insert.setString(7, CanonicalJson.write(entry.details()));
                if (entries.size() == 1) {
                    insert.executeUpdate();
                } else {
                    insert.addBatch();
                }
            }
            if (entries.size() > 1) {
                insert.executeBatch();
            }
        }
    }

    /** Whether an event that happened before {@code instant} is committed but not yet in the chain. */
    public static boolean anyUnsealedBefore(Connection connection, Instant instant) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM audit_pending WHERE occurred_at < ?)")) {
            query.setObject(1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }
}
