package dev.symbiont.compliance;

import dev.symbiont.audit.AuditEventType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The period in numbers, counted over every event of the report (never capped). {@code eventsByType} has an entry
 * for each event type of the framework, zero included, in the order of {@link AuditEventType}.
 * {@code unreadableDetails} counts events whose details were not a JSON object; they count everywhere else only by
 * their columns.
 */
public record ReportSummary(long totalEvents, Map<AuditEventType, Long> eventsByType, long allowDecisions,
                            long denyDecisions, long conditionalDecisions, long distinctAgents,
                            long failedAuthentications, long policyChanges, long apiKeyChanges,
                            long unreadableDetails) {

    public ReportSummary {
        eventsByType = eventsByType.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(eventsByType));
    }

    public long decisions() {
        return allowDecisions + denyDecisions + conditionalDecisions;
    }
}
