package dev.symbiont.persistence.policy;

import dev.symbiont.persistence.Writes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

/** Queries and writes of policies and their revisions, in entity terms. Runs inside the caller's transaction. */
public class PolicyEntityRepository {

    private final EntityManager em;

    public PolicyEntityRepository(EntityManager em) {
        this.em = em;
    }

    /** The row, deleted or not, locked for the rest of the transaction (one writer per policy id at a time). */
    public Optional<PolicyEntity> findForUpdate(String id) {
        return Optional.ofNullable(em.find(PolicyEntity.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<PolicyEntity> findActive(String id) {
        return Optional.ofNullable(em.find(PolicyEntity.class, id)).filter(p -> p.getDeletedAt() == null);
    }

    public List<PolicyEntity> active() {
        return em.createQuery("select p from PolicyEntity p where p.deletedAt is null order by p.id",
                PolicyEntity.class).getResultList();
    }

    public void insert(PolicyEntity policy) {
        em.persist(policy);
        em.flush();
    }

    public void flushChanges(PolicyEntity policy) {
        Writes.flush(em, "policy " + policy.getId());
    }

    public void append(PolicyRevisionEntity revision) {
        em.persist(revision);
    }

    public List<PolicyRevisionEntity> revisions(String policyId) {
        return em.createQuery("select r from PolicyRevisionEntity r where r.policyId = :id order by r.id",
                PolicyRevisionEntity.class).setParameter("id", policyId).getResultList();
    }
}
