package dev.symbiont.compliance;

import dev.symbiont.audit.AuditEvent;
import dev.symbiont.audit.AuditEventType;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds an audit trail for tests, with seqs counting from 1 and each event a second after the last. */
public final class Trail {

    public static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    public static final ReportPeriod NOVEMBER = new ReportPeriod(START, Instant.parse("2026-12-01T00:00:00Z"));
    public static final String ADMIN = "apikey:alice(abcdefghijkl)";

    private final List<AuditEvent> events = new ArrayList<>();
    private long seq;
    private Instant clock = START;

    /** Moves the clock: the next event happens at {@code instant}. */
    public Trail at(Instant instant) {
        clock = instant;
        return this;
    }

    public Trail event(AuditEventType type, UUID agentId, String actor, String decision, String details) {
        events.add(new AuditEvent(++seq, UUID.randomUUID(), clock, agentId, type, actor, decision, details));
        clock = clock.plus(Duration.ofSeconds(1));
        return this;
    }

    public Trail agentCreated(UUID agentId, String name) {
        return event(AuditEventType.AGENT_CREATED, agentId, ADMIN, null,
                json().add("name", name).add("state", "Ready").build().toString());
    }

    public Trail agentTransitioned(UUID agentId, String from, String to) {
        return event(AuditEventType.AGENT_TRANSITIONED, agentId, ADMIN, null,
                json().add("command", "start").add("from", from).add("to", to).add("reason", "test").build()
                        .toString());
    }

    public Trail allowed(UUID agentId, String agentName, String action) {
        return decision(agentId, "allow", decisionDetails(agentName, action));
    }

    public Trail conditional(UUID agentId, String agentName, String action) {
        return decision(agentId, "allow_with_conditions", decisionDetails(agentName, action));
    }

    /** A denial; {@code ruleId} null is written as JSON null, as the runtime does for the default effect. */
    public Trail denied(UUID agentId, String agentName, String action, String ruleId, String reason) {
        JsonObjectBuilder details = (ruleId == null ? decisionDetails(agentName, action)
                : decisionDetails(agentName, action, ruleId)).add("reason", reason);
        if (ruleId == null) {
            details.addNull("rule_id");
        } else {
            details.add("rule_id", ruleId);
        }
        return decision(agentId, "deny", details);
    }

    public Trail policyChanged(AuditEventType type, String actor, String policyId, String name, int version) {
        return event(type, null, actor, null,
                json().add("policy_id", policyId).add("name", name).add("version", version).build().toString());
    }

    public Trail apiKeyChanged(AuditEventType type, String actor, String keyId, String name, String role) {
        return event(type, null, actor, null,
                json().add("key_id", keyId).add("name", name).add("role", role).build().toString());
    }

    public Trail authenticationFailed() {
        return event(AuditEventType.AUTHENTICATION_FAILED, null, null, null, json().add("reason", "unknown key")
                .addNull("key_prefix").add("method", "GET").add("path", "/api/v1/agents").build().toString());
    }

    public List<AuditEvent> events() {
        return List.copyOf(events);
    }

    public long lastSeq() {
        return seq;
    }

    /** The report over this trail, with evidence that verified all of it. */
    public ComplianceReport report(ComplianceFramework framework) {
        return report(framework, ComplianceReportBuilder.DEFAULT_MAX_ROWS_PER_SECTION, verified());
    }

    public ComplianceReport report(ComplianceFramework framework, int maxRows, IntegrityEvidence evidence) {
        ComplianceReportBuilder builder = new ComplianceReportBuilder(UUID.fromString(
                "0195f3a0-0000-7000-8000-000000000001"), framework, NOVEMBER, Instant.parse("2026-12-01T06:00:00Z"),
                ADMIN, maxRows);
        events.forEach(builder::accept);
        return builder.build(evidence);
    }

    /** Evidence that the whole trail verified, anchored by one checkpoint over all of it. */
    public IntegrityEvidence verified() {
        return new IntegrityEvidence(true, seq, seq == 0 ? null : 1L, seq == 0 ? null : seq, List.of(),
                List.of(new CheckpointRoot(seq, "9f2c4e7a1b3d5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f",
                        clock, "audit-key-1")));
    }

    private Trail decision(UUID agentId, String decision, JsonObjectBuilder details) {
        return event(AuditEventType.POLICY_DECISION, agentId, ADMIN, decision, details.build().toString());
    }

    private static JsonObjectBuilder decisionDetails(String agentName, String action, String... matchedRules) {
        JsonObjectBuilder subject = json().add("role", "operator");
        if (agentName != null) {
            subject.add("agent_name", agentName).add("resource", "agents/" + agentName);
        }
        return json().add("action", action).add("matched_rules", Json.createArrayBuilder(List.of(matchedRules)))
                .add("subject", subject);
    }

    private static JsonObjectBuilder json() {
        return Json.createObjectBuilder();
    }
}
