package dev.symbiont.audit.chain;

import dev.symbiont.audit.format.Checkpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Signed tree heads. */
public final class CheckpointRows {

    private static final String COLUMNS = "tree_size, root_hash, created_at, key_id, signature";

    private CheckpointRows() {
    }

    static void insert(Connection connection, Checkpoint checkpoint) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_checkpoint (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, checkpoint.treeSize());
            insert.setBytes(2, checkpoint.rootHash());
            insert.setObject(3, OffsetDateTime.ofInstant(checkpoint.createdAt(), ZoneOffset.UTC));
            insert.setString(4, checkpoint.keyId());
            insert.setBytes(5, checkpoint.signature());
            insert.executeUpdate();
        }
    }

    public static Optional<Checkpoint> find(Connection connection, long treeSize) throws SQLException {
        return first(connection, "SELECT " + COLUMNS + " FROM audit_checkpoint WHERE tree_size = ?", treeSize);
    }

    /** The newest checkpoint, if any. */
    public static Optional<Checkpoint> latest(Connection connection) throws SQLException {
        return first(connection, "SELECT " + COLUMNS + " FROM audit_checkpoint ORDER BY tree_size DESC LIMIT 1",
                null);
    }

    /** The oldest checkpoint whose tree holds at least {@code minSize} events: the first to anchor them. */
    public static Optional<Checkpoint> firstAtLeast(Connection connection, long minSize) throws SQLException {
        return first(connection, "SELECT " + COLUMNS
                + " FROM audit_checkpoint WHERE tree_size >= ? ORDER BY tree_size LIMIT 1", minSize);
    }

    /** Up to {@code limit} checkpoints with tree size above {@code afterSize}, smallest first. */
    public static List<Checkpoint> after(Connection connection, long afterSize, int limit) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM audit_checkpoint WHERE tree_size > ? ORDER BY tree_size LIMIT ?")) {
            query.setLong(1, afterSize);
            query.setInt(2, limit);
            try (ResultSet rows = query.executeQuery()) {
                List<Checkpoint> checkpoints = new ArrayList<>();
                while (rows.next()) {
                    checkpoints.add(read(rows));
                }
                return checkpoints;
            }
        }
    }

    /** Checkpoints with tree size in [minSize, maxSize], smallest first. */
    public static List<Checkpoint> between(Connection connection, long minSize, long maxSize) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM audit_checkpoint WHERE tree_size BETWEEN ? AND ? ORDER BY tree_size")) {
            query.setLong(1, minSize);
            query.setLong(2, maxSize);
            try (ResultSet rows = query.executeQuery()) {
                List<Checkpoint> checkpoints = new ArrayList<>();
                while (rows.next()) {
                    checkpoints.add(read(rows));
                }
                return checkpoints;
            }
        }
    }

    private static Optional<Checkpoint> first(Connection connection, String sql, Long parameter)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (parameter != null) {
                query.setLong(1, parameter);
            }
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    private static Checkpoint read(ResultSet row) throws SQLException {
        return new Checkpoint(row.getLong(1), row.getBytes(2), row.getObject(3, OffsetDateTime.class).toInstant(),
                row.getString(4), row.getBytes(5));
    }
}
