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
}
