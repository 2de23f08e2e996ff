package dev.symbiont.audit;

import dev.symbiont.audit.chain.AuditStorageException;
import dev.symbiont.audit.chain.CheckpointRows;
import dev.symbiont.audit.chain.DatabaseSubtreeHashes;
import dev.symbiont.audit.format.Checkpoint;
import dev.symbiont.audit.format.Merkle;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** The signed checkpoints of the trail, and consistency proofs between any two of them. */
@Stateless
public class AuditCheckpoints {

    @Resource(lookup = "jdbc/symbiont")
    DataSource dataSource;

    /** Up to {@code limit} checkpoints above tree size {@code afterSize}, oldest first. */
    public List<Checkpoint> page(long afterSize, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            return CheckpointRows.after(connection, afterSize, limit);
        } catch (SQLException e) {
            throw new AuditStorageException("cannot list audit checkpoints", e);
        }
    }

    public Checkpoint find(long treeSize) {
        try (Connection connection = dataSource.getConnection()) {
            return CheckpointRows.find(connection, treeSize)
                    .orElseThrow(() -> new CheckpointNotFoundException(treeSize));
        } catch (SQLException e) {
            throw new AuditStorageException("cannot read audit checkpoint " + treeSize, e);
        }
    }

    /**
     * The proof that checkpoint {@code second} (the newest when null) extends checkpoint {@code first}.
     *
     * @throws CheckpointNotFoundException   when either size is not a signed checkpoint
     * @throws InvalidCheckpointPairException when {@code first} is larger than {@code second}
     */
    public ConsistencyProof consistency(long first, Long second) {
        try (Connection connection = dataSource.getConnection()) {
            Checkpoint older = CheckpointRows.find(connection, first)
                    .orElseThrow(() -> new CheckpointNotFoundException(first));
            Checkpoint newer = second == null
                    ? CheckpointRows.latest(connection).orElseThrow(() -> new CheckpointNotFoundException(first))
                    : CheckpointRows.find(connection, second).orElseThrow(() -> new CheckpointNotFoundException(second));
            if (older.treeSize() > newer.treeSize()) {
                throw new InvalidCheckpointPairException(older.treeSize(), newer.treeSize());
            }
            return new ConsistencyProof(older, newer, Merkle.consistencyProof(older.treeSize(), newer.treeSize(),
                    new DatabaseSubtreeHashes(connection)));
        } catch (SQLException e) {
            throw new AuditStorageException("cannot prove audit consistency", e);
        }
    }
}
