package dev.symbiont.audit.chain;

import dev.symbiont.audit.format.AuditEncoding;
import dev.symbiont.audit.format.ChainedEvent;
import dev.symbiont.audit.format.Checkpoint;
import dev.symbiont.audit.format.Ed25519;
import dev.symbiont.audit.format.Merkle;
import dev.symbiont.audit.format.MerkleFrontier;
import dev.symbiont.audit.format.Seal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Moves pending events into the chain: under the chain lock it numbers a batch, hash-chains it, extends the Merkle
 * tree, signs the batch's last chain hash (one seal) and releases the pending rows, in one transaction. Any number
 * of sealers (threads or nodes) may run: the advisory lock orders them, and the database's own checks refuse a
 * fork even if the lock were bypassed. Works on a plain JDBC connection so benchmarks drive the very same code.
 */
public final class ChainSealer {

    private final Supplier<Ed25519.Signer> signer;
    private final Clock clock;
    private final int batchSize;

    /** The tree as of {@link #headHash}; null until read from the database or after a failed batch. */
    private MerkleFrontier frontier;
    private byte[] headHash;

    public ChainSealer(Supplier<Ed25519.Signer> signer, Clock clock, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        this.signer = signer;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /**
     * Seals up to one batch of pending events and commits. The connection must not be in auto-commit mode.
     *
     * @return the events now in the chain, in order (empty when nothing was pending)
     */
    public synchronized List<ChainedEvent> sealBatch(Connection connection) throws SQLException {
        try {
            ChainLock.acquire(connection);
            syncWithDatabase(connection);
            List<ChainedEvent> sealed = chainPending(connection);
            connection.commit();
            return sealed;
        } catch (SQLException | RuntimeException e) {
            rollBack(connection, e);
            throw e;
        }
    }

    /** Signs a checkpoint of the whole tree as it is now, unless one of this size exists; commits. */
    public synchronized Checkpoint checkpoint(Connection connection) throws SQLException {
        try {
            ChainLock.acquire(connection);
            syncWithDatabase(connection);
            Optional<Checkpoint> existing = CheckpointRows.find(connection, frontier.size());
            Checkpoint checkpoint = existing.isPresent() ? existing.get() : signCheckpoint(connection);
            connection.commit();
            return checkpoint;
        } catch (SQLException | RuntimeException e) {
            rollBack(connection, e);
            throw e;
        }
    }

    private Checkpoint signCheckpoint(Connection connection) throws SQLException {
        Checkpoint signed = Checkpoint.sign(frontier.size(), frontier.root(), now(), signer.get());
        CheckpointRows.insert(connection, signed);
        return signed;
    }

    private List<ChainedEvent> chainPending(Connection connection) throws SQLException {
        List<PendingRow> pending = PendingRow.oldest(connection, batchSize);
        if (pending.isEmpty()) {
            return List.of();
        }
        List<MerkleNodeRows.Node> completed = new ArrayList<>();
        MerkleFrontier tree = frontier.copy(subtree -> {
            if (subtree.level() >= DatabaseSubtreeHashes.STORED_LEVEL) {
                completed.add(new MerkleNodeRows.Node(subtree.level(), subtree.index(), subtree.hash()));
            }
        });
        List<ChainedEvent> chained = new ArrayList<>(pending.size());
        byte[] previous = headHash;
        long seq = tree.size();
        for (PendingRow row : pending) {
            ChainedEvent event = row.chainAt(seq++, previous);
            tree.append(Merkle.leafHash(event.chainHash()));
            chained.add(event);
            previous = event.chainHash();
        }
        EventRows.insert(connection, chained);
        MerkleNodeRows.insert(connection, completed);
        SealRows.insert(connection, seal(chained));
        PendingRow.release(connection, pending);
        frontier = tree.copy(null);
        headHash = previous;
        return chained;
    }

    private Seal seal(List<ChainedEvent> batch) {
        ChainedEvent last = batch.getLast();
        return Seal.sign(batch.getFirst().seq(), last.seq(), last.chainHash(), now(), signer.get());
    }

    /** Another sealer (another node) may have extended the chain since this one last did: catch up. */
    private void syncWithDatabase(Connection connection) throws SQLException {
        long size = 0;
        byte[] head = AuditEncoding.genesis();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT seq, chain_hash FROM audit_event ORDER BY seq DESC LIMIT 1");
             ResultSet row = query.executeQuery()) {
            if (row.next()) {
                size = row.getLong(1) + 1;
                head = row.getBytes(2);
            }
        }
        if (frontier == null || frontier.size() != size || !Arrays.equals(headHash, head)) {
            frontier = MerkleFrontier.restore(size, new DatabaseSubtreeHashes(connection));
            headHash = head;
        }
    }

    private void rollBack(Connection connection, Exception cause) {
        frontier = null;
        headHash = null;
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
