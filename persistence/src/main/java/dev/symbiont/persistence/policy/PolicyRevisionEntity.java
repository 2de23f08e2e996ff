package dev.symbiont.persistence.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** Row of table {@code policy_revision}: one change of one policy. Written once, never changed. */
@Entity
@Immutable
@Table(name = "policy_revision")
public class PolicyRevisionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "policy_id", nullable = false, length = 64)
    private String policyId;

    @Column(nullable = false)
    private int version;

    @Column(nullable = false, length = 16)
    private String change;

    @Column(nullable = false, columnDefinition = "text")
    private String document;

    @Column(nullable = false, length = 200)
    private String actor;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected PolicyRevisionEntity() {
    }

    public PolicyRevisionEntity(String policyId, int version, String change, String document, String actor,
                                Instant changedAt) {
        this.policyId = policyId;
        this.version = version;
        this.change = change;
        this.document = document;
        this.actor = actor;
        this.changedAt = changedAt;
    }

    public Long getId() { return id; }
    public String getPolicyId() { return policyId; }
    public int getVersion() { return version; }
    public String getChange() { return change; }
    public String getDocument() { return document; }
    public String getActor() { return actor; }
    public Instant getChangedAt() { return changedAt; }
}
