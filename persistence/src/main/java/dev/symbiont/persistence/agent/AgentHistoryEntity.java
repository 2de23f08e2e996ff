package dev.symbiont.persistence.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** Row of table {@code agent_history}: one lifecycle event of one agent. Written once, never changed. */
@Entity
@Immutable
@Table(name = "agent_history")
public class AgentHistoryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "agent_id", nullable = false)
    private UUID agentId;

    @Column(nullable = false, length = 32)
    private String event;

    @Column(name = "from_state", length = 16)
    private String fromState;

    @Column(name = "to_state", nullable = false, length = 16)
    private String toState;

    @Column(nullable = false, length = 200)
    private String actor;

    @Column(length = 1024)
    private String reason;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "agent_version", nullable = false)
    private long agentVersion;

    protected AgentHistoryEntity() {
    }

    public AgentHistoryEntity(UUID agentId, String event, String fromState, String toState, String actor,
                              String reason, Instant occurredAt, long agentVersion) {
        this.agentId = agentId;
        this.event = event;
        this.fromState = fromState;
        this.toState = toState;
        this.actor = actor;
        this.reason = reason;
        this.occurredAt = occurredAt;
        this.agentVersion = agentVersion;
    }

    public Long getId() { return id; }
    public UUID getAgentId() { return agentId; }
    public String getEvent() { return event; }
    public String getFromState() { return fromState; }
    public String getToState() { return toState; }
    public String getActor() { return actor; }
    public String getReason() { return reason; }
    public Instant getOccurredAt() { return occurredAt; }
    public long getAgentVersion() { return agentVersion; }
}
