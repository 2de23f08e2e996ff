package dev.symbiont.audit.chain;

import dev.symbiont.audit.format.Seal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The seals table: one signature per sealed batch. */
public final class SealRows {

    private SealRows() {
    }

    static void insert(Connection connection, Seal seal) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO audit_seal (last_seq, first_seq, chain_hash, sealed_at, key_id, signature)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            insert.setLong(1, seal.lastSeq());
            insert.setLong(2, seal.firstSeq());
            insert.setBytes(3, seal.chainHash());
            insert.setObject(4, OffsetDateTime.ofInstant(seal.sealedAt(), ZoneOffset.UTC));
            insert.setString(5, seal.keyId());
            insert.setBytes(6, seal.signature());
            insert.executeUpdate();
        }
    }

    /** The seals covering any event in [fromSeq, toSeq], in order. */
    public static List<Seal> covering(Connection connection, long fromSeq, long toSeq) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT first_seq, last_seq, chain_hash, sealed_at, key_id, signature FROM audit_seal
                WHERE last_seq >= ? AND first_seq <= ? ORDER BY last_seq""")) {
            query.setLong(1, fromSeq);
            query.setLong(2, toSeq);
            try (ResultSet rows = query.executeQuery()) {
                List<Seal> seals = new ArrayList<>();
                while (rows.next()) {
                    seals.add(read(rows));
                }
                return seals;
            }
        }
    }

    static Seal read(ResultSet row) throws SQLException {
        return new Seal(row.getLong(1), row.getLong(2), row.getBytes(3),
                row.getObject(4, OffsetDateTime.class).toInstant(), row.getString(5), row.getBytes(6));
    }
}
