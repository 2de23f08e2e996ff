package dev.symbiont.security;

import dev.symbiont.runtime.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Issuing, revoking and checking API keys. */
@ApplicationScoped
@Transactional
public class ApiKeyService {

    private final ApiKeyRepository keys;
    private final Clock clock;
    private final SecretHasher hasher;
    private final Duration cacheTtl;
    private final VerifiedTokenCache cache = new VerifiedTokenCache();

    /** For the CDI proxy only. */
    protected ApiKeyService() {
        this.keys = null;
        this.clock = null;
        this.hasher = null;
        this.cacheTtl = null;
    }

    @Inject
    public ApiKeyService(ApiKeyRepository keys, Clock clock,
                         @ConfigProperty(name = "symbiont.security.argon2-memory-kib", defaultValue = "19456")
                         int argonMemoryKib,
                         @ConfigProperty(name = "symbiont.security.argon2-iterations", defaultValue = "2")
                         int argonIterations,
                         @ConfigProperty(name = "symbiont.security.auth-cache-ttl", defaultValue = "PT30S")
                         Duration cacheTtl) {
        this.keys = keys;
        this.clock = clock;
        this.hasher = new SecretHasher(argonMemoryKib, argonIterations, 1);
        this.cacheTtl = cacheTtl;
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
        cache.evictKey(key.keyId());
        return revoked;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApiKey> list(boolean includeRevoked) {
        return keys.list(includeRevoked);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ApiKey get(UUID id) {
        return keys.find(id).orElseThrow(() -> new ApiKeyNotFoundException(id));
    }

    /** The caller a bearer token belongs to, if the token is well-formed, known, active and its secret matches. */
    @Transactional(Transactional.TxType.SUPPORTS)
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
        return new IssuedApiKey(key, token);
    }
}
