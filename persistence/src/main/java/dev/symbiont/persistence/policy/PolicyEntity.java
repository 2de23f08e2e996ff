package dev.symbiont.persistence.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** Row of table {@code policy}: the current version of one policy document. */
@Entity
@Table(name = "policy")
public class PolicyEntity {

    @Id
    private String id;

    @Column(nullable = false)
    private int version;

    @Column(length = 4096)
    private String description;

    @Column(nullable = false, columnDefinition = "text")
    private String document;

    @Column(name = "rule_count", nullable = false)
    private int ruleCount;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 200)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 200)
    private String updatedBy;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "deleted_by", length = 200)
    private String deletedBy;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected PolicyEntity() {
    }

    public PolicyEntity(String id, Instant createdAt, String createdBy) {
        this.id = id;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public String getId() { return id; }
    public int getVersion() { return version; }
    public String getDescription() { return description; }
    public String getDocument() { return document; }
    public int getRuleCount() { return ruleCount; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public Instant getDeletedAt() { return deletedAt; }
    public String getDeletedBy() { return deletedBy; }

    /** Writes a new version of the document (also used to revive a deleted id). */
    public void write(int newVersion, String newDescription, String newDocument, int newRuleCount, Instant at,
                      String by) {
        this.version = newVersion;
        this.description = newDescription;
        this.document = newDocument;
        this.ruleCount = newRuleCount;
        this.updatedAt = at;
        this.updatedBy = by;
        this.deletedAt = null;
        this.deletedBy = null;
    }

    public void markDeleted(Instant at, String by) {
        this.deletedAt = at;
        this.deletedBy = by;
        this.updatedAt = at;
        this.updatedBy = by;
    }
}
