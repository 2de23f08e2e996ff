package dev.symbiont.compliance;

import dev.symbiont.audit.AuditEventType;
import java.time.Instant;

/** An API key issued or revoked; {@code actor} null means the runtime itself (the bootstrap admin key). */
public record ApiKeyChangeRow(long seq, Instant occurredAt, AuditEventType type, String actor, String keyId,
                              String name, String role) {
}
