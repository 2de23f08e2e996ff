package dev.symbiont.security;

import java.time.Instant;
import java.util.UUID;

/** An API key as stored: never its secret, only who it is, what it may do, and whether it still works. */
public record ApiKey(UUID id, String keyId, String name, Role role, Instant createdAt, String createdBy,
                     Instant expiresAt, Instant revokedAt, String revokedBy) {

    public boolean isActive(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
