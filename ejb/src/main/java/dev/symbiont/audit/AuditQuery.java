package dev.symbiont.audit;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Which events to list: every non-null criterion must hold. Paging is by keyset on seq: {@code afterSeq} is the
 * last seq of the previous page.
 */
public record AuditQuery(UUID agentId, Set<AuditEventType> types, Instant from, Instant to, String decision,
                         Long afterSeq, int limit) {

    public AuditQuery {
        types = types == null ? Set.of() : Set.copyOf(types);
    }

    /** Whether the event meets every criterion but the paging ones (the live feed's filter). */
    public boolean matches(AuditEvent event) {
        return (agentId == null || agentId.equals(event.agentId()))
                && (types.isEmpty() || types.contains(event.type()))
                && (from == null || !event.occurredAt().isBefore(from))
                && (to == null || event.occurredAt().isBefore(to))
                && (decision == null || decision.equals(event.decision()));
    }

    /** The same criteria, for the page after {@code seq}. */
    public AuditQuery after(Long seq, int pageSize) {
        return new AuditQuery(agentId, types, from, to, decision, seq, pageSize);
    }
}
