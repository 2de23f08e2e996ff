package dev.symbiont.persistence.security;

import dev.symbiont.persistence.Writes;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queries and writes of API keys, in entity terms. Runs inside the caller's transaction. */
public class ApiKeyEntityRepository {

    private final EntityManager em;

    public ApiKeyEntityRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<ApiKeyEntity> find(UUID id) {
        return Optional.ofNullable(em.find(ApiKeyEntity.class, id));
    }

    public Optional<ApiKeyEntity> findByKeyId(String keyId) {
        return em.createQuery("select k from ApiKeyEntity k where k.keyId = :keyId", ApiKeyEntity.class)
                .setParameter("keyId", keyId)
                .getResultStream()
                .findFirst();
    }

    public List<ApiKeyEntity> list(boolean includeRevoked) {
        String where = includeRevoked ? "" : " where k.revokedAt is null";
        return em.createQuery("select k from ApiKeyEntity k" + where + " order by k.createdAt, k.id",
                ApiKeyEntity.class).getResultList();
    }

    public long countActive(String role) {
        return em.createQuery("select count(k) from ApiKeyEntity k where k.role = :role and k.revokedAt is null",
                        Long.class)
                .setParameter("role", role)
                .getSingleResult();
    }

    public void insert(ApiKeyEntity key) {
        em.persist(key);
        em.flush();
    }

    public void flushChanges(ApiKeyEntity key) {
        Writes.flush(em, "API key " + key.getKeyId());
    }
}
