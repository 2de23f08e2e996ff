package dev.symbiont.web.security;

import dev.symbiont.security.ApiKey;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApiKey", description = "An API key, without its secret")
public record ApiKeyResponse(UUID id, @Schema(description = "Public part of the token") String keyId, String name,
                             String role, Instant createdAt, String createdBy, Instant expiresAt,
                             Instant revokedAt, String revokedBy) {

    static ApiKeyResponse of(ApiKey k) {
        return new ApiKeyResponse(k.id(), k.keyId(), k.name(), k.role().label(), k.createdAt(), k.createdBy(),
                k.expiresAt(), k.revokedAt(), k.revokedBy());
    }
}
