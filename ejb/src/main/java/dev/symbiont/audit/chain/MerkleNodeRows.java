package dev.symbiont.audit.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Stores the hashes of completed perfect subtrees (see {@link DatabaseSubtreeHashes}). */
final class MerkleNodeRows {

    record Node(int level, long index, byte[] hash) {
    }

    private MerkleNodeRows() {
    }

    static void insert(Connection connection, List<Node> nodes) throws SQLException {
        if (nodes.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO audit_merkle_node (level, idx, hash)
                SELECT * FROM unnest(?::smallint[], ?::bigint[], ?::bytea[])""")) {
            insert.setArray(1, connection.createArrayOf("smallint",
                    nodes.stream().map(node -> (short) node.level()).toArray(Short[]::new)));
            insert.setArray(2, connection.createArrayOf("bigint", nodes.stream().map(Node::index).toArray(Long[]::new)));
            insert.setArray(3, connection.createArrayOf("bytea", nodes.stream().map(Node::hash).toArray(byte[][]::new)));
            insert.executeUpdate();
        }
    }
}
