package dev.symbiont.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: where API keys are kept. Methods run in the caller's transaction. */
public interface ApiKeyRepository {

    /** A stored key with the hash of its secret, for authentication only. */
    record StoredApiKey(ApiKey key, String secretHash) {
    }

    Optional<StoredApiKey> findByKeyId(String keyId);

    Optional<ApiKey> find(UUID id);

    List<ApiKey> list(boolean includeRevoked);

    long countActive(Role role);

    void add(ApiKey key, String secretHash);

    void markRevoked(ApiKey revoked);

    /** Serializes first-start bootstrap across nodes sharing one database, until the transaction ends. */
    void lockBootstrap();
}
