package dev.symbiont.audit.chain;

import dev.symbiont.audit.format.Merkle;
import dev.symbiont.audit.format.MerkleFrontier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Merkle subtree hashes answered from the database: aligned perfect subtrees of at least {@value #STORED_LEVEL}
 * levels come from audit_merkle_node, smaller ranges are hashed from their events' chain hashes, anything else is
 * split as RFC 9162 splits it. A proof thus costs O(log n) lookups and at most a few hundred chain hashes.
 */
public final class DatabaseSubtreeHashes implements Merkle.SubtreeHashes {

    /** Subtrees of 2^8 = 256 leaves and up are stored; below that, hashing the leaves is cheaper than storing. */
    public static final int STORED_LEVEL = 8;

    private final Connection connection;

    public DatabaseSubtreeHashes(Connection connection) {
        this.connection = connection;
    }

    @Override
    public byte[] hash(long start, long end) {
        try {
            return subtree(start, end);
        } catch (SQLException e) {
            throw new AuditStorageException("cannot read Merkle subtree [" + start + ", " + end + ")", e);
        }
    }

    private byte[] subtree(long start, long end) throws SQLException {
        long size = end - start;
        if (size <= 0) {
            return Merkle.emptyRoot();
        }
        boolean alignedPerfect = Long.bitCount(size) == 1 && start % size == 0;
        int level = Long.numberOfTrailingZeros(size);
        if (alignedPerfect && level >= STORED_LEVEL) {
            byte[] stored = storedNode(level, start >>> level);
            if (stored != null) {
                return stored;
            }
        }
        if (size <= 1L << STORED_LEVEL) {
            return fromChainHashes(start, end);
        }
        long split = Long.highestOneBit(size - 1);
        return Merkle.nodeHash(subtree(start, start + split), subtree(start + split, end));
    }

    private byte[] storedNode(int level, long index) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT hash FROM audit_merkle_node WHERE level = ? AND idx = ?")) {
            query.setInt(1, level);
            query.setLong(2, index);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getBytes(1) : null;
            }
        }
    }

    private byte[] fromChainHashes(long start, long end) throws SQLException {
        MerkleFrontier tree = new MerkleFrontier();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT seq, chain_hash FROM audit_event WHERE seq >= ? AND seq < ? ORDER BY seq")) {
            query.setLong(1, start);
            query.setLong(2, end);
            try (ResultSet rows = query.executeQuery()) {
                long expected = start;
                while (rows.next()) {
                    if (rows.getLong(1) != expected) {
                        break;
                    }
                    tree.append(Merkle.leafHash(rows.getBytes(2)));
                    expected++;
                }
                if (expected != end) {
                    throw new AuditStorageException("audit event " + expected
                            + " is missing: the Merkle tree cannot be computed over it (run /api/v1/audit/verify)");
                }
            }
        }
        return tree.root();
    }
}
