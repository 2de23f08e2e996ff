package dev.symbiont.security.jpa;

import dev.symbiont.persistence.security.ApiKeyEntity;
import dev.symbiont.persistence.security.ApiKeyEntityRepository;
import dev.symbiont.security.ApiKey;
import dev.symbiont.security.ApiKeyRepository;
import dev.symbiont.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link ApiKeyRepository} on PostgreSQL through JPA. */
@ApplicationScoped
public class JpaApiKeyRepository implements ApiKeyRepository {

    /** Arbitrary constant naming the advisory lock that serializes admin bootstrap. */
    private static final long BOOTSTRAP_LOCK = 0x53594d42L;

    @PersistenceContext(unitName = "symbiont")
    EntityManager em;

    @Override
    public Optional<StoredApiKey> findByKeyId(String keyId) {
        return rows().findByKeyId(keyId).map(e -> new StoredApiKey(toKey(e), e.getSecretHash()));
    }

    @Override
    public Optional<ApiKey> find(UUID id) {
        return rows().find(id).map(JpaApiKeyRepository::toKey);
    }

    @Override
    public List<ApiKey> list(boolean includeRevoked) {
        return rows().list(includeRevoked).stream().map(JpaApiKeyRepository::toKey).toList();
    }

    @Override
    public long countActive(Role role) {
        return rows().countActive(role.name());
    }

    @Override
    public void add(ApiKey key, String secretHash) {
        rows().insert(new ApiKeyEntity(key.id(), key.keyId(), key.name(), key.role().name(), secretHash,
                key.createdAt(), key.createdBy(), key.expiresAt()));
    }

    @Override
    public void markRevoked(ApiKey revoked) {
        ApiKeyEntityRepository rows = rows();
        ApiKeyEntity entity = rows.find(revoked.id()).orElseThrow();
        entity.revoke(revoked.revokedAt(), revoked.revokedBy());
        rows.flushChanges(entity);
    }

    @Override
    public void lockBootstrap() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(" + BOOTSTRAP_LOCK + ")").getSingleResult();
    }

    private ApiKeyEntityRepository rows() {
        return new ApiKeyEntityRepository(em);
    }

    private static ApiKey toKey(ApiKeyEntity e) {
        return new ApiKey(e.getId(), e.getKeyId(), e.getName(), Role.valueOf(e.getRole()), e.getCreatedAt(),
                e.getCreatedBy(), e.getExpiresAt(), e.getRevokedAt(), e.getRevokedBy());
    }
}
