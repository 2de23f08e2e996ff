package dev.symbiont.policy.jpa;

import dev.symbiont.persistence.policy.PolicyEntity;
import dev.symbiont.persistence.policy.PolicyEntityRepository;
import dev.symbiont.persistence.policy.PolicyRevisionEntity;
import dev.symbiont.policy.Policy;
import dev.symbiont.policy.PolicyConflictException;
import dev.symbiont.policy.PolicyNotFoundException;
import dev.symbiont.policy.PolicyRepository;
import dev.symbiont.policy.PolicyRevision;
import dev.symbiont.policy.StoredPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link PolicyRepository} on PostgreSQL through JPA. */
@ApplicationScoped
public class JpaPolicyRepository implements PolicyRepository {

    @PersistenceContext(unitName = "symbiont")
    EntityManager em;

    @Inject
    Clock clock;

    @Override
    public Optional<StoredPolicy> findActive(String id) {
        return rows().findActive(id).map(JpaPolicyRepository::toStored);
    }

    @Override
    public List<StoredPolicy> active() {
        return rows().active().stream().map(JpaPolicyRepository::toStored).toList();
    }

    @Override
    public StoredPolicy write(Policy policy, String document, String actor, Integer expectedVersion,
                              boolean mustBeNew) {
        PolicyEntityRepository rows = rows();
        Instant now = clock.instant();
        Optional<PolicyEntity> existing = rows.findForUpdate(policy.id());
        boolean active = existing.isPresent() && existing.get().getDeletedAt() == null;
        if (mustBeNew && active) {
            throw PolicyConflictException.exists(policy.id());
        }
        if (!mustBeNew && !active) {
            throw new PolicyNotFoundException(policy.id());
        }
        if (expectedVersion != null && active && existing.get().getVersion() != expectedVersion) {
            throw PolicyConflictException.staleVersion(policy.id(), expectedVersion, existing.get().getVersion());
        }
        PolicyEntity row = existing.orElseGet(() -> new PolicyEntity(policy.id(), now, actor));
        int version = existing.map(e -> e.getVersion() + 1).orElse(1);
        row.write(version, policy.description(), document, policy.rules().size(), now, actor);
        if (existing.isEmpty()) {
            rows.insert(row);
        } else {
            rows.flushChanges(row);
        }
        rows.append(new PolicyRevisionEntity(policy.id(), version, active ? "UPDATED" : "CREATED", document, actor,
                now));
        return toStored(row);
    }

    @Override
    public StoredPolicy delete(String id, String actor) {
        PolicyEntityRepository rows = rows();
        PolicyEntity row = rows.findForUpdate(id).filter(p -> p.getDeletedAt() == null)
                .orElseThrow(() -> new PolicyNotFoundException(id));
        Instant now = clock.instant();
        row.markDeleted(now, actor);
        rows.flushChanges(row);
        rows.append(new PolicyRevisionEntity(id, row.getVersion(), "DELETED", row.getDocument(), actor, now));
        return toStored(row);
    }

    @Override
    public List<PolicyRevision> revisions(String id) {
        return rows().revisions(id).stream().map(r -> new PolicyRevision(r.getId(), r.getPolicyId(), r.getVersion(),
                r.getChange().toLowerCase(), r.getDocument(), r.getActor(), r.getChangedAt())).toList();
    }

    private PolicyEntityRepository rows() {
        return new PolicyEntityRepository(em);
    }

    private static StoredPolicy toStored(PolicyEntity e) {
        return new StoredPolicy(e.getId(), e.getVersion(), e.getDescription(), e.getDocument(), e.getRuleCount(),
                e.getCreatedAt(), e.getCreatedBy(), e.getUpdatedAt(), e.getUpdatedBy());
    }
}
