package dev.symbiont.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers tokens that passed the slow hash, so a key pays Argon2 once per TTL per node instead of on every
 * request. Entries are keyed by SHA-256 of the token (no secret is held), bounded in number, evicted at once on
 * revocation on this node; other nodes see a revocation within the TTL.
 */
final class VerifiedTokenCache {

    private record Entry(Caller caller, Instant validUntil) {
    }

    private static final int MAX_ENTRIES = 10_000;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    Optional<Caller> get(ApiKeyToken token, Instant now) {
        String digest = digest(token);
        Entry entry = entries.get(digest);
        if (entry == null) {
            return Optional.empty();
        }
        if (!now.isBefore(entry.validUntil())) {
            entries.remove(digest, entry);
            return Optional.empty();
        }
        return Optional.of(entry.caller());
    }

    void put(ApiKeyToken token, Caller caller, Instant validUntil) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(digest(token), new Entry(caller, validUntil));
    }

    void evictKey(String keyId) {
        entries.values().removeIf(entry -> entry.caller().keyId().equals(keyId));
    }

    private static String digest(ApiKeyToken token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.reveal().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
