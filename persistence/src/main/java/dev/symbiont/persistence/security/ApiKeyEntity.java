package dev.symbiont.persistence.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** Row of table {@code api_key}: one API key, stored as a slow hash of its secret. */
@Entity
@Table(name = "api_key")
public class ApiKeyEntity {

    @Id
    private UUID id;

    @Column(name = "key_id", nullable = false, unique = true, length = 32, updatable = false)
    private String keyId;

    @Column(nullable = false, length = 128)
    private String name;

    @Column(nullable = false, length = 16)
    private String role;

    @Column(name = "secret_hash", nullable = false, length = 256, updatable = false)
    private String secretHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 200, updatable = false)
    private String createdBy;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = 200)
    private String revokedBy;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected ApiKeyEntity() {
    }

    public ApiKeyEntity(UUID id, String keyId, String name, String role, String secretHash, Instant createdAt,
                        String createdBy, Instant expiresAt) {
        this.id = id;
        this.keyId = keyId;
        this.name = name;
        this.role = role;
        this.secretHash = secretHash;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.expiresAt = expiresAt;
    }

    public UUID getId() { return id; }
    public String getKeyId() { return keyId; }
    public String getName() { return name; }
    public String getRole() { return role; }
    public String getSecretHash() { return secretHash; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getRevokedAt() { return revokedAt; }
    public String getRevokedBy() { return revokedBy; }

    public void revoke(Instant at, String by) {
        this.revokedAt = at;
        this.revokedBy = by;
    }
}
