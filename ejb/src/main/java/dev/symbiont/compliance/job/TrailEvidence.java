package dev.symbiont.compliance.job;

import dev.symbiont.audit.AuditIntegrity;
import dev.symbiont.audit.chain.AuditStorageException;
import dev.symbiont.audit.chain.CheckpointRows;
import dev.symbiont.audit.chain.EventReader;
import dev.symbiont.audit.chain.SealerLoop;
import dev.symbiont.audit.format.Checkpoint;
import dev.symbiont.audit.format.Failure;
import dev.symbiont.audit.format.Hashes;
import dev.symbiont.audit.format.VerificationResult;
import dev.symbiont.compliance.CheckpointRoot;
import dev.symbiont.compliance.IntegrityEvidence;
import dev.symbiont.compliance.ReportPeriod;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The integrity evidence a report carries. It signs a fresh checkpoint, then verifies the trail from the period's
 * first event to the end of the chain: hash chain, seal signatures and the root of every checkpoint on the way.
 * So the report shows both that its events are intact and that they are still in the tree the node signs today.
 * The roots it quotes are the first checkpoint that holds the whole period and the fresh one.
 */
@ApplicationScoped
public class TrailEvidence {

    @Resource(lookup = "jdbc/symbiont")
    DataSource dataSource;

    @Inject
    AuditIntegrity integrity;

    @Inject
    SealerLoop sealer;

    /**
     * @param firstSeq seq of the report's first event, null if it has none
     * @param lastSeq  seq of the report's last event, null if it has none
     */
    public IntegrityEvidence collect(ReportPeriod period, Long firstSeq, Long lastSeq) {
        Checkpoint fresh = sealer.checkpointNow();
        long from;
        Optional<Checkpoint> anchor;
        try (Connection connection = dataSource.getConnection()) {
            from = firstSeq != null ? firstSeq : new EventReader(connection).firstSeqSince(period.from())
                    .orElse(Math.max(0, fresh.treeSize() - 1));
            anchor = lastSeq == null ? Optional.empty() : CheckpointRows.firstAtLeast(connection, lastSeq + 1);
        } catch (SQLException e) {
            throw new AuditStorageException("cannot read the audit trail for a compliance report", e);
        }
        VerificationResult result = integrity.verify(new AuditIntegrity.Range(from, null));
        List<CheckpointRoot> roots = new ArrayList<>();
        anchor.filter(a -> a.treeSize() != fresh.treeSize()).ifPresent(a -> roots.add(root(a)));
        roots.add(root(fresh));
        List<String> failures = result.failures().stream().map(TrailEvidence::describe).toList();
        if (!result.valid() && failures.isEmpty()) {
            failures = List.of("verification failed without naming an event");
        }
        return new IntegrityEvidence(result.valid(), result.eventsChecked(), result.firstSeq(), result.lastSeq(),
                failures, roots);
    }

    private static CheckpointRoot root(Checkpoint checkpoint) {
        return new CheckpointRoot(checkpoint.treeSize(), Hashes.hex(checkpoint.rootHash()), checkpoint.createdAt(),
                checkpoint.keyId());
    }

    private static String describe(Failure failure) {
        return failure.kind().name().toLowerCase(Locale.ROOT)
                + (failure.seq() == null ? "" : " at seq " + failure.seq())
                + (failure.eventId() == null ? "" : " (event " + failure.eventId() + ")")
                + ": " + failure.message();
    }
}
