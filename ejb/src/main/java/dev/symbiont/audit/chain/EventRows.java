package dev.symbiont.audit.chain;

import dev.symbiont.audit.format.AuditEncoding;
import dev.symbiont.audit.format.ChainedEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** Appends chained events: one statement per batch (arrays unnested server-side), in seq order. */
final class EventRows {

    private static final String INSERT = """
            INSERT INTO audit_event (seq, event_id, occurred_at, agent_id, event_type, actor, decision, details,
                                     prev_hash, chain_hash)
            SELECT s, e, timestamptz 'epoch' + m * interval '1 microsecond', a, t, ac, d, de, p, h
            FROM unnest(?::bigint[], ?::uuid[], ?::bigint[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::bytea[], ?::bytea[]) AS x(s, e, m, a, t, ac, d, de, p, h)
            ORDER BY s""";

    private EventRows() {
    }

    static void insert(Connection connection, List<ChainedEvent> events) throws SQLException {
        int n = events.size();
        Long[] seqs = new Long[n];
        UUID[] ids = new UUID[n];
        Long[] micros = new Long[n];
        UUID[] agents = new UUID[n];
        String[] types = new String[n];
        String[] actors = new String[n];
        String[] decisions = new String[n];
        String[] details = new String[n];
        byte[][] prevHashes = new byte[n][];
        byte[][] chainHashes = new byte[n][];
        for (int i = 0; i < n; i++) {
            ChainedEvent event = events.get(i);
            seqs[i] = event.seq();
            ids[i] = event.eventId();
            micros[i] = AuditEncoding.micros(event.occurredAt());
            agents[i] = event.agentId();
            types[i] = event.eventType();
            actors[i] = event.actor();
            decisions[i] = event.decision();
            details[i] = event.details();
            prevHashes[i] = event.prevHash();
            chainHashes[i] = event.chainHash();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setArray(1, connection.createArrayOf("bigint", seqs));
            insert.setArray(2, connection.createArrayOf("uuid", ids));
            insert.setArray(3, connection.createArrayOf("bigint", micros));
            insert.setArray(4, connection.createArrayOf("uuid", agents));
            insert.setArray(5, connection.createArrayOf("text", types));
            insert.setArray(6, connection.createArrayOf("text", actors));
            insert.setArray(7, connection.createArrayOf("text", decisions));
            insert.setArray(8, connection.createArrayOf("text", details));
            insert.setArray(9, connection.createArrayOf("bytea", prevHashes));
            insert.setArray(10, connection.createArrayOf("bytea", chainHashes));
            insert.executeUpdate();
        }
    }
}
