package dev.symbiont.security;

import dev.symbiont.audit.AuditEntry;
import dev.symbiont.audit.AuditEventType;
import dev.symbiont.audit.AuditTrail;
import dev.symbiont.runtime.Ids;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issuing, revoking and checking API keys. A singleton without container locking (its state, the verified-token
 * cache, is concurrent), so every request thread authenticates in parallel; each business method is one
 * container-managed transaction.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ApiKeyService {

    private final VerifiedTokenCache cache = new VerifiedTokenCache();

    @Inject
    AuditTrail audit;

    @Inject
    ApiKeyRepository keys;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "symbiont.security.argon2-memory-kib", defaultValue = "19456")
    int argonMemoryKib;

    @Inject
    @ConfigProperty(name = "symbiont.security.argon2-iterations", defaultValue = "2")
    int argonIterations;

    @Inject
    @ConfigProperty(name = "symbiont.security.auth-cache-ttl", defaultValue = "PT30S")
    Duration cacheTtl;

    private SecretHasher hasher;

    @PostConstruct
    void init() {
        hasher = new SecretHasher(argonMemoryKib, argonIterations, 1);
    }

    public IssuedApiKey issue(String name, Role role, Instant expiresAt, String actor) {
        return store(ApiKeyToken.generate(), name, role, expiresAt, actor);
    }

    public ApiKey revoke(UUID id, String actor) {
        ApiKey key = keys.find(id).orElseThrow(() -> new ApiKeyNotFoundException(id));
        if (key.revokedAt() != null) {
            return key;
        }
        if (key.role() == Role.ADMIN && key.isActive(clock.instant()) && keys.countActive(Role.ADMIN) <= 1) {
            throw new LastAdminKeyException(key.keyId());
        }
        var revoked = new ApiKey(key.id(), key.keyId(), key.name(), key.role(), key.createdAt(), key.createdBy(),
                key.expiresAt(), clock.instant(), actor);
        keys.markRevoked(revoked);
        audit.record(keyEntry(AuditEventType.API_KEY_REVOKED, revoked, revoked.revokedAt(), actor));
        cache.evictKey(key.keyId());
        return revoked;
    }

    public List<ApiKey> list(boolean includeRevoked) {
        return keys.list(includeRevoked);
    }

    public ApiKey get(UUID id) {
        return keys.find(id).orElseThrow(() -> new ApiKeyNotFoundException(id));
    }

    /** The caller a bearer token belongs to, if the token is well-formed, known, active and its secret matches. */
    public Optional<Caller> authenticate(String bearerToken) {
        Optional<ApiKeyToken> parsed = ApiKeyToken.parse(bearerToken);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        ApiKeyToken token = parsed.get();
        Instant now = clock.instant();
        Optional<Caller> cached = cache.get(token, now);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<ApiKeyRepository.StoredApiKey> stored = keys.findByKeyId(token.keyId());
        if (stored.isEmpty() || !stored.get().key().isActive(now)
                || !hasher.matches(token.secret(), stored.get().secretHash())) {
            return Optional.empty();
        }
        ApiKey key = stored.get().key();
        var caller = new Caller(key.keyId(), key.name(), key.role());
        Instant until = now.plus(cacheTtl);
        cache.put(token, caller, key.expiresAt() != null && key.expiresAt().isBefore(until) ? key.expiresAt() : until);
        return Optional.of(caller);
    }

    /**
     * First-start bootstrap: makes sure an admin can get in. A configured admin token is registered if it is new;
     * otherwise, when no admin key is active, one is generated and returned (once) for the operator.
     */
    public Optional<IssuedApiKey> bootstrapAdmin(Optional<ApiKeyToken> configured) {
        keys.lockBootstrap();
        if (configured.isPresent()) {
            if (keys.findByKeyId(configured.get().keyId()).isEmpty()) {
                store(configured.get(), "configured-admin", Role.ADMIN, null, "configuration");
            }
            return Optional.empty();
        }
        if (keys.countActive(Role.ADMIN) > 0) {
            return Optional.empty();
        }
        return Optional.of(issue("initial-admin", Role.ADMIN, null, "runtime:first-start"));
    }

    private IssuedApiKey store(ApiKeyToken token, String name, Role role, Instant expiresAt, String actor) {
        var key = new ApiKey(Ids.newId(), token.keyId(), name, role, clock.instant(), actor, expiresAt, null, null);
        keys.add(key, hasher.hash(token.secret()));
        audit.record(keyEntry(AuditEventType.API_KEY_ISSUED, key, key.createdAt(), actor));
        return new IssuedApiKey(key, token);
    }

    private static AuditEntry keyEntry(AuditEventType type, ApiKey key, Instant at, String actor) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("key_id", key.id().toString());
        details.put("key_prefix", key.keyId());
        details.put("name", key.name());
        details.put("role", key.role().label());
        details.put("expires_at", key.expiresAt() == null ? null : key.expiresAt().toString());
        return AuditEntry.of(type, at, null, actor, details);
    }
}
