package dev.symbiont.compliance;

import dev.symbiont.audit.AuditEvent;
import dev.symbiont.audit.AuditEventType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** The report's uncapped numbers: events by type, decisions by outcome, the seq range. */
final class EventCounts {

    private final Map<AuditEventType, Long> byType = new EnumMap<>(AuditEventType.class);
    private long total;
    private long allow;
    private long deny;
    private long conditional;
    private long unreadableDetails;
    private Long firstSeq;
    private Long lastSeq;

    EventCounts(Set<AuditEventType> types) {
        types.forEach(type -> byType.put(type, 0L));
    }

    void count(AuditEvent event, boolean detailsReadable) {
        total++;
        byType.merge(event.type(), 1L, Long::sum);
        firstSeq = firstSeq == null ? event.seq() : firstSeq;
        lastSeq = event.seq();
        if (!detailsReadable) {
            unreadableDetails++;
        }
        if (event.type() == AuditEventType.POLICY_DECISION && event.decision() != null) {
            switch (event.decision()) {
                case "allow" -> allow++;
                case "deny" -> deny++;
                case "allow_with_conditions" -> conditional++;
                default -> { } // an outcome this version does not know still counts as an event
            }
        }
    }

    Long firstSeq() {
        return firstSeq;
    }

    Long lastSeq() {
        return lastSeq;
    }

    ReportSummary summary(long distinctAgents) {
        long policyChanges = of(AuditEventType.POLICY_CREATED) + of(AuditEventType.POLICY_UPDATED)
                + of(AuditEventType.POLICY_DELETED);
        long apiKeyChanges = of(AuditEventType.API_KEY_ISSUED) + of(AuditEventType.API_KEY_REVOKED);
        return new ReportSummary(total, byType, allow, deny, conditional, distinctAgents,
                of(AuditEventType.AUTHENTICATION_FAILED), policyChanges, apiKeyChanges, unreadableDetails);
    }

    private long of(AuditEventType type) {
        return byType.getOrDefault(type, 0L);
    }
}
