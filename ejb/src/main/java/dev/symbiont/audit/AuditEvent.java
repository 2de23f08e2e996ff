package dev.symbiont.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One event of the trail as readers see it: its place in the chain ({@code seq}) and what happened. {@code details}
 * is the JSON text exactly as chained; {@code agentId}, {@code actor} and {@code decision} may be null.
 */
public record AuditEvent(long seq, UUID eventId, Instant occurredAt, UUID agentId, AuditEventType type,
                         String actor, String decision, String details) {
}
