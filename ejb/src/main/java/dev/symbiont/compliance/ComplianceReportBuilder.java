package dev.symbiont.compliance;

import dev.symbiont.audit.AuditEvent;
import dev.symbiont.audit.AuditEventType;
import jakarta.json.Json;
import jakarta.json.JsonReaderFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Builds one report in a single pass over the trail. Feed it every event from the start of the period onwards in
 * seq order; it keeps only events inside the period and of the framework's event types, so callers may pre-filter
 * (cheaper) but need not. Memory is bounded: counts are exact, the listed sections keep their first
 * {@code maxRowsPerSection} rows and count the rest, and per-agent state grows with agents, not events.
 * Not thread-safe: one builder belongs to one report run.
 */
public final class ComplianceReportBuilder {

    public static final int DEFAULT_MAX_ROWS_PER_SECTION = 10_000;

    private final ReportHeader header;
    private final ComplianceFramework framework;
    private final JsonReaderFactory readers = Json.createReaderFactory(Map.of());
    private final EventCounts counts;
    private final AgentAccessCollector agents;
    private final CappedRows<DenialRow> denials;
    private final CappedRows<PolicyChangeRow> policyChanges;
    private final CappedRows<ApiKeyChangeRow> apiKeyChanges;
    private final FindingsCollector denialsWithoutRule = new FindingsCollector();
    private final FindingsCollector policyChangesWithoutActor = new FindingsCollector();
    private final FindingsCollector changesByRuntime = new FindingsCollector();
    private final HourlyCounter failedAuthentications = new HourlyCounter();
    private long previousSeq = Long.MIN_VALUE;

    public ComplianceReportBuilder(UUID reportId, ComplianceFramework framework, ReportPeriod period,
                                   Instant generatedAt, String requestedBy) {
        this(reportId, framework, period, generatedAt, requestedBy, DEFAULT_MAX_ROWS_PER_SECTION);
    }

    public ComplianceReportBuilder(UUID reportId, ComplianceFramework framework, ReportPeriod period,
                                   Instant generatedAt, String requestedBy, int maxRowsPerSection) {
        if (maxRowsPerSection < 0) {
            throw new IllegalArgumentException("maxRowsPerSection must not be negative: " + maxRowsPerSection);
        }
        this.framework = Objects.requireNonNull(framework, "framework");
        this.header = new ReportHeader(Objects.requireNonNull(reportId, "reportId"), framework.name(),
                framework.title(), Objects.requireNonNull(period, "period"),
                Objects.requireNonNull(generatedAt, "generatedAt"), requestedBy);
        this.counts = new EventCounts(framework.eventTypes());
        this.agents = new AgentAccessCollector(maxRowsPerSection);
        this.denials = new CappedRows<>(maxRowsPerSection);
        this.policyChanges = new CappedRows<>(maxRowsPerSection);
        this.apiKeyChanges = new CappedRows<>(maxRowsPerSection);
    }

    /**
     * Takes the next event of the trail.
     *
     * @return whether the event belongs to the report (inside the period, of one of the framework's types)
     * @throws IllegalArgumentException when the seq is not above the previous one: out of order, the caps would
     *                                  keep arbitrary rows and the seq range the integrity check relies on is wrong
     */
    public boolean accept(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        if (event.seq() <= previousSeq) {
            throw new IllegalArgumentException("events must come in increasing seq order: " + event.seq()
                    + " after " + previousSeq);
        }
        previousSeq = event.seq();
        if (!header.period().contains(event.occurredAt()) || !framework.eventTypes().contains(event.type())) {
            return false;
        }
        EventDetails details = EventDetails.parse(readers, event.details());
        counts.count(event, details.readable());
        agents.seen(event, agentName(event.type(), details));
        switch (event.type()) {
            case POLICY_DECISION -> decision(event, details);
            case POLICY_CREATED, POLICY_UPDATED, POLICY_DELETED -> policyChange(event, details);
            case API_KEY_ISSUED, API_KEY_REVOKED -> apiKeyChange(event, details);
            case AUTHENTICATION_FAILED -> failedAuthentications.count(event.occurredAt());
            default -> { } // counted above; no section lists them
        }
        return true;
    }

    /** The report over the events accepted so far, judged against the evidence of the trail's integrity. */
    public ComplianceReport build(IntegrityEvidence integrity) {
        Objects.requireNonNull(integrity, "integrity");
        ReportSummary summary = counts.summary(agents.distinctAgents());
        ComplianceFacts facts = new ComplianceFacts(summary, counts.firstSeq(), counts.lastSeq(),
                denialsWithoutRule.findings(), policyChangesWithoutActor.findings(), changesByRuntime.findings(),
                failedAuthentications.peak(), integrity);
        List<CheckResult> results = framework.checks().stream().map(check -> check.evaluate(facts)).toList();
        return new ComplianceReport(header, summary, results, denials.section(), policyChanges.section(),
                agents.section(), apiKeyChanges.section(), integrity);
    }

    private static String agentName(AuditEventType type, EventDetails details) {
        return switch (type) {
            case AGENT_CREATED, AGENT_REDEFINED -> details.text("name");
            case POLICY_DECISION -> details.object("subject").text("agent_name");
            default -> null;
        };
    }

    private void decision(AuditEvent event, EventDetails details) {
        String action = details.text("action");
        agents.decided(event, action);
        if (!"deny".equals(event.decision())) {
            return;
        }
        String ruleId = details.text("rule_id");
        if (ruleId == null || ruleId.isBlank()) {
            denialsWithoutRule.record(event.seq());
        }
        if (denials.hasRoom()) {
            String name = details.object("subject").text("agent_name");
            denials.add(new DenialRow(event.seq(), event.occurredAt(), event.agentId(),
                    name != null ? name : agents.nameOf(event.agentId()), action, actor(event),
                    details.text("reason"), ruleId));
        } else {
            denials.skip();
        }
    }

    private void policyChange(AuditEvent event, EventDetails details) {
        if (!attributed(event)) {
            policyChangesWithoutActor.record(event.seq());
            changesByRuntime.record(event.seq());
        }
        if (policyChanges.hasRoom()) {
            policyChanges.add(new PolicyChangeRow(event.seq(), event.occurredAt(), event.type(), actor(event),
                    details.text("policy_id"), details.text("name"), details.number("version")));
        } else {
            policyChanges.skip();
        }
    }

    private void apiKeyChange(AuditEvent event, EventDetails details) {
        if (!attributed(event)) {
            changesByRuntime.record(event.seq());
        }
        if (apiKeyChanges.hasRoom()) {
            apiKeyChanges.add(new ApiKeyChangeRow(event.seq(), event.occurredAt(), event.type(), actor(event),
                    details.text("key_id"), details.text("name"), details.text("role")));
        } else {
            apiKeyChanges.skip();
        }
    }

    /** The runtime acts with no actor; a blank one names nobody either. */
    private static boolean attributed(AuditEvent event) {
        return event.actor() != null && !event.actor().isBlank();
    }

    private static String actor(AuditEvent event) {
        return EventDetails.clip(event.actor());
    }
}
