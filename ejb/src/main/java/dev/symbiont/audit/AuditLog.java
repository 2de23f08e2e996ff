package dev.symbiont.audit;

import dev.symbiont.audit.chain.AuditStorageException;
import dev.symbiont.audit.chain.CheckpointRows;
import dev.symbiont.audit.chain.DatabaseSubtreeHashes;
import dev.symbiont.audit.chain.EventReader;
import dev.symbiont.audit.chain.SealRows;
import dev.symbiont.audit.chain.SealerLoop;
import dev.symbiont.audit.format.ChainedEvent;
import dev.symbiont.audit.format.Checkpoint;
import dev.symbiont.audit.format.Merkle;
import dev.symbiont.audit.format.Seal;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Reading the trail: filtered pages of events and single events with their proofs. */
@Stateless
public class AuditLog {

    @Resource(lookup = "jdbc/symbiont")
    DataSource dataSource;

    @Inject
    SealerLoop sealer;

    public AuditPage page(AuditQuery query) {
        try (Connection connection = dataSource.getConnection()) {
            List<ChainedEvent> rows = new EventReader(connection).page(
                    new AuditQuery(query.agentId(), query.types(), query.from(), query.to(), query.decision(),
                            query.afterSeq(), query.limit() + 1));
            boolean more = rows.size() > query.limit();
            List<AuditEvent> items = rows.stream().limit(query.limit()).map(AuditEvents::fromChain).toList();
            return new AuditPage(items, more ? items.getLast().seq() : null);
        } catch (SQLException e) {
            throw new AuditStorageException("cannot list audit events", e);
        }
    }

    /** The event with its covering seal and an inclusion proof in a checkpoint that contains it. */
    public Optional<ProvenEvent> find(UUID eventId) {
        try (Connection connection = dataSource.getConnection()) {
            Optional<ChainedEvent> found = new EventReader(connection).byId(eventId);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            ChainedEvent event = found.get();
            Seal seal = SealRows.covering(connection, event.seq(), event.seq()).stream().findFirst()
                    .orElseThrow(() -> new AuditStorageException("audit event " + event.seq() + " has no seal"));
            Checkpoint checkpoint = CheckpointRows.latest(connection)
                    .filter(latest -> latest.treeSize() > event.seq())
                    .orElseGet(sealer::checkpointNow);
            List<byte[]> path = Merkle.inclusionProof(event.seq(), checkpoint.treeSize(),
                    new DatabaseSubtreeHashes(connection));
            return Optional.of(new ProvenEvent(event, seal, checkpoint, path));
        } catch (SQLException e) {
            throw new AuditStorageException("cannot read audit event " + eventId, e);
        }
    }
}
