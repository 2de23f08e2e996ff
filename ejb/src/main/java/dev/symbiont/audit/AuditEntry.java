package dev.symbiont.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What an action asks the trail to record; the trail gives it an id and, when sealed, its place in the chain.
 * Details are flat-or-nested JSON-able values (String, Number, Boolean, null, List, Map); they are written as
 * canonical JSON (sorted keys) so the chained bytes do not depend on map order.
 */
public record AuditEntry(AuditEventType type, Instant occurredAt, UUID agentId, String actor, String decision,
                         Map<String, ?> details) {

    public AuditEntry {
        Objects.requireNonNull(type, "type");
        // The chain encodes microseconds; truncating here makes what is stored exactly what is hashed.
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        details = details == null ? Map.of() : details;
    }

    public static AuditEntry of(AuditEventType type, Instant at, UUID agentId, String actor, Map<String, ?> details) {
        return new AuditEntry(type, at, agentId, actor, null, details);
    }
}
