package dev.symbiont.compliance;

import dev.symbiont.audit.AuditEventType;
import java.time.Instant;

/** A policy created, replaced or deleted; {@code actor} null means the runtime itself made the change. */
public record PolicyChangeRow(long seq, Instant occurredAt, AuditEventType type, String actor, String policyId,
                              String name, Long version) {
}
