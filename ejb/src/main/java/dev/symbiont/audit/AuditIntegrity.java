package dev.symbiont.audit;

import dev.symbiont.audit.bundle.BundleWriter;
import dev.symbiont.audit.bundle.CheckpointDocument;
import dev.symbiont.audit.bundle.InclusionProof;
import dev.symbiont.audit.chain.AuditStorageException;
import dev.symbiont.audit.chain.CheckpointRows;
import dev.symbiont.audit.chain.DatabaseSubtreeHashes;
import dev.symbiont.audit.chain.EventReader;
import dev.symbiont.audit.chain.SealRows;
import dev.symbiont.audit.chain.SealerLoop;
import dev.symbiont.audit.format.ChainVerifier;
import dev.symbiont.audit.format.Checkpoint;
import dev.symbiont.audit.format.KeySet;
import dev.symbiont.audit.format.Merkle;
import dev.symbiont.audit.format.MerkleFrontier;
import dev.symbiont.audit.format.Seal;
import dev.symbiont.audit.format.VerificationResult;
import dev.symbiont.audit.keys.SigningKeys;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Checking the trail where it is stored, and exporting stretches of it as bundles the offline verifier checks.
 * Both widen the requested range to whole seals, so every seal read can be checked against its last event.
 */
@Stateless
public class AuditIntegrity {

    @Resource(lookup = "jdbc/symbiont")
    DataSource dataSource;

    @Inject
    SigningKeys keys;

    @Inject
    SealerLoop sealer;

    @Inject
    AuditTrail trail;

    @Inject
    Clock clock;

    /** A seq range of the chain, inclusive; null bounds mean the chain's start and end. */
    public record Range(Long fromSeq, Long toSeq) {
    }

    /** Verifies chain, seals and checkpoints over the range; the result names every failure found. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public VerificationResult verify(Range requested) {
        try (Connection connection = dataSource.getConnection()) {
            EventReader reader = new EventReader(connection);
            long size = reader.size();
            if (size == 0) {
                return new VerificationResult(true, 0, 0, 0, null, null, List.of(), false);
            }
            long[] range = widened(connection, requested, size);
            ChainVerifier.Builder verifier = ChainVerifier.forKeys(KeySet.of(keys.published()))
                    .startingAt(range[0], range[0] == 0 ? null : reader.chainHashAt(range[0] - 1).orElse(null));
            if (range[0] > 0) {
                verifier.frontier(frontierAt(connection, range[0]));
            }
            if (requested.toSeq() == null) {
                verifier.toEndOfChain();
            }
            List<Seal> seals = SealRows.covering(connection, range[0], range[1]);
            List<Checkpoint> checkpoints = CheckpointRows.between(connection, range[0] + 1, range[1] + 1);
            try (EventReader.Cursor events = reader.range(range[0], range[1])) {
                return verifier.build().verify(events, seals.iterator(), checkpoints.iterator());
            }
        } catch (SQLException e) {
            throw new AuditStorageException("cannot verify the audit trail", e);
        }
    }

    /** Refuses a range that holds no event, so an export fails as a 400 before any byte of it is streamed. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void requireEvents(Range requested) {
        try (Connection connection = dataSource.getConnection()) {
            widened(connection, requested, new EventReader(connection).size());
        } catch (SQLException e) {
            throw new AuditStorageException("cannot read the audit trail", e);
        }
    }

    /**
     * Writes a bundle (audit-verifier/FORMAT.md) of the range to {@code out}, with a fresh checkpoint and the
     * inclusion proofs of its first and last event; the export itself is recorded.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void export(Range requested, String actor, OutputStream out) {
        Checkpoint checkpoint = sealer.checkpointNow();
        try (Connection connection = dataSource.getConnection()) {
            EventReader reader = new EventReader(connection);
            long size = Math.min(reader.size(), checkpoint.treeSize());
            long[] range = widened(connection, requested, size);
            var tree = new DatabaseSubtreeHashes(connection);
            List<InclusionProof> proofs = List.of(
                    new InclusionProof(range[0], Merkle.inclusionProof(range[0], checkpoint.treeSize(), tree)),
                    new InclusionProof(range[1], Merkle.inclusionProof(range[1], checkpoint.treeSize(), tree)));
            String subject = "audit bundle seq " + range[0] + ".." + range[1];
            try (EventReader.Cursor events = reader.range(range[0], range[1])) {
                new BundleWriter(keys.current(), clock).write(subject, events,
                        SealRows.covering(connection, range[0], range[1]).iterator(),
                        new CheckpointDocument(checkpoint, proofs), out);
            }
            trail.record(AuditEntry.of(AuditEventType.AUDIT_EXPORTED, clock.instant(), null, actor,
                    Map.of("from_seq", range[0], "to_seq", range[1], "tree_size", checkpoint.treeSize())));
        } catch (SQLException e) {
            throw new AuditStorageException("cannot export the audit trail", e);
        } catch (IOException e) {
            throw new UncheckedIOException("the export could not be written to the client", e);
        }
    }

    /** [from, to] clipped to the chain and widened to the seals covering its ends. */
    private static long[] widened(Connection connection, Range requested, long size) throws SQLException {
        long from = Math.max(0, requested.fromSeq() == null ? 0 : requested.fromSeq());
        long to = Math.min(size - 1, requested.toSeq() == null ? size - 1 : requested.toSeq());
        if (from > to) {
            throw new InvalidAuditRangeException(from, to, size);
        }
        List<Seal> first = SealRows.covering(connection, from, from);
        List<Seal> last = SealRows.covering(connection, to, to);
        if (!first.isEmpty()) {
            from = Math.min(from, first.getFirst().firstSeq());
        }
        if (!last.isEmpty()) {
            to = Math.max(to, last.getLast().lastSeq());
        }
        return new long[] {from, to};
    }

    /** The tree before {@code seq}, from stored subtrees; without it only checkpoint signatures are checked. */
    private static MerkleFrontier frontierAt(Connection connection, long seq) {
        try {
            return MerkleFrontier.restore(seq, new DatabaseSubtreeHashes(connection));
        } catch (AuditStorageException missingEvents) {
            return null;
        }
    }
}
