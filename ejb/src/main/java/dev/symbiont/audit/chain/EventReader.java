package dev.symbiont.audit.chain;

import dev.symbiont.audit.AuditQuery;
import dev.symbiont.audit.AuditEventType;
import dev.symbiont.audit.format.ChainedEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/** Reads sealed events: filtered pages, single events, and seq ranges streamed with a cursor. */
public final class EventReader {

    private static final String COLUMNS = "seq, event_id, occurred_at, agent_id, event_type, actor, decision, "
            + "details, prev_hash, chain_hash";

    private final Connection connection;

    public EventReader(Connection connection) {
        this.connection = connection;
    }

    public List<ChainedEvent> page(AuditQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_event WHERE TRUE");
        List<Object> parameters = new ArrayList<>();
        if (query.agentId() != null) {
            sql.append(" AND agent_id = ?");
            parameters.add(query.agentId());
        }
        if (!query.types().isEmpty()) {
            sql.append(" AND event_type = ANY(?)");
            parameters.add(connection.createArrayOf("text",
                    query.types().stream().map(AuditEventType::wireName).toArray(String[]::new)));
        }
        if (query.from() != null) {
            sql.append(" AND occurred_at >= ?");
            parameters.add(OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
        }
        if (query.to() != null) {
            sql.append(" AND occurred_at < ?");
            parameters.add(OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
        }
        if (query.decision() != null) {
            sql.append(" AND decision = ?");
            parameters.add(query.decision());
        }
        if (query.afterSeq() != null) {
            sql.append(" AND seq > ?");
            parameters.add(query.afterSeq());
        }
        sql.append(" ORDER BY seq LIMIT ?");
        parameters.add(query.limit());
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<ChainedEvent> events = new ArrayList<>();
                while (rows.next()) {
                    events.add(read(rows));
                }
                return events;
            }
        }
    }

    public Optional<ChainedEvent> byId(UUID eventId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM audit_event WHERE event_id = ?")) {
            query.setObject(1, eventId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    /** The chain hash stored for {@code seq}, if that event exists. */
    public Optional<byte[]> chainHashAt(long seq) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT chain_hash FROM audit_event WHERE seq = ?")) {
            query.setLong(1, seq);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** The number of events in the chain (its head seq + 1). */
    public long size() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT max(seq) FROM audit_event");
             ResultSet row = query.executeQuery()) {
            row.next();
            long max = row.getLong(1);
            return row.wasNull() ? 0 : max + 1;
        }
    }

    /**
     * Streams events with seq in [fromSeq, toSeq] in order, a few thousand rows at a time. The cursor lives as long
     * as the connection's transaction; close the returned stream when done.
     */
    public Cursor range(long fromSeq, long toSeq) throws SQLException {
        PreparedStatement query = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM audit_event WHERE seq BETWEEN ? AND ? ORDER BY seq");
        query.setFetchSize(5_000);
        query.setLong(1, fromSeq);
        query.setLong(2, toSeq);
        return new Cursor(query, query.executeQuery());
    }

    /** How many events of these types happened in [from, to). */
    public long countInPeriod(Collection<AuditEventType> types, Instant from, Instant to) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM audit_event "
                + "WHERE event_type = ANY(?) AND occurred_at >= ? AND occurred_at < ?")) {
            bindPeriod(query, types, from, to);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Streams the events of these types that happened in [from, to), in seq order, like {@link #range}. */
    public Cursor inPeriod(Collection<AuditEventType> types, Instant from, Instant to) throws SQLException {
        PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM audit_event "
                + "WHERE event_type = ANY(?) AND occurred_at >= ? AND occurred_at < ? ORDER BY seq");
        query.setFetchSize(5_000);
        bindPeriod(query, types, from, to);
        return new Cursor(query, query.executeQuery());
    }

    /** The lowest seq of any event that happened at or after {@code instant}. */
    public Optional<Long> firstSeqSince(Instant instant) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT min(seq) FROM audit_event WHERE occurred_at >= ?")) {
            query.setObject(1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                long seq = row.getLong(1);
                return row.wasNull() ? Optional.empty() : Optional.of(seq);
            }
        }
    }

    private void bindPeriod(PreparedStatement query, Collection<AuditEventType> types, Instant from, Instant to)
            throws SQLException {
        query.setArray(1, connection.createArrayOf("text",
                types.stream().map(AuditEventType::wireName).toArray(String[]::new)));
        query.setObject(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        query.setObject(3, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
    }

    static ChainedEvent read(ResultSet row) throws SQLException {
        return new ChainedEvent(row.getLong(1), row.getObject(2, UUID.class),
                row.getObject(3, OffsetDateTime.class).toInstant(), row.getObject(4, UUID.class), row.getString(5),
                row.getString(6), row.getString(7), row.getString(8), row.getBytes(9), row.getBytes(10));
    }

    /** An iterator over a result set; SQL failures surface as {@link AuditStorageException}. */
    public static final class Cursor implements Iterator<ChainedEvent>, AutoCloseable {

        private final PreparedStatement statement;
        private final ResultSet rows;
        private ChainedEvent next;
        private boolean done;

        Cursor(PreparedStatement statement, ResultSet rows) {
            this.statement = statement;
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                try {
                    if (rows.next()) {
                        next = read(rows);
                    } else {
                        done = true;
                    }
                } catch (SQLException e) {
                    throw new AuditStorageException("cannot read audit events", e);
                }
            }
            return next != null;
        }

        @Override
        public ChainedEvent next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ChainedEvent event = next;
            next = null;
            return event;
        }

        @Override
        public void close() {
            try {
                statement.close();
            } catch (SQLException e) {
                throw new AuditStorageException("cannot close an audit event cursor", e);
            }
        }
    }
}
