package dev.symbiont.audit;

import dev.symbiont.audit.chain.SealerLoop;
import dev.symbiont.audit.chain.PendingEvents;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.util.List;

/**
 * {@link AuditTrail} on PostgreSQL: one INSERT into audit_pending inside the transaction, nothing shared with other
 * transactions, so recording costs an action no lock. After the commit the sealer is woken to chain and sign it.
 */
@Stateless
public class PendingAuditTrail implements AuditTrail {

    private static final Object WAKE_REGISTERED = new Object();

    @PersistenceContext(unitName = "symbiont")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    SealerLoop sealer;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void record(AuditEntry entry) {
        insert(entry);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordRegardless(AuditEntry entry) {
        insert(entry);
    }

    private void insert(AuditEntry entry) {
        // The entity manager's own connection: the event is in the action's transaction by construction.
        em.runWithConnection((Connection connection) -> PendingEvents.insert(connection, List.of(entry)));
        wakeSealerAfterCommit();
    }

    private void wakeSealerAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    sealer.wake();
                }
            }
        });
    }
}
