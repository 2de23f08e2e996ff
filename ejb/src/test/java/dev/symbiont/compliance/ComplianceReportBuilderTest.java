package dev.symbiont.compliance;

import static dev.symbiont.audit.AuditEventType.AGENT_CREATED;
import static dev.symbiont.audit.AuditEventType.API_KEY_ISSUED;
import static dev.symbiont.audit.AuditEventType.AUTHENTICATION_FAILED;
import static dev.symbiont.audit.AuditEventType.POLICY_CREATED;
import static dev.symbiont.audit.AuditEventType.POLICY_DECISION;
import static dev.symbiont.audit.AuditEventType.POLICY_DELETED;
import static dev.symbiont.audit.AuditEventType.POLICY_UPDATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symbiont.audit.AuditEvent;
import dev.symbiont.audit.AuditEventType;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ComplianceReportBuilderTest {

    private static final UUID INVOICES = UUID.fromString("0195f3a0-0000-7000-8000-00000000a001");
    private static final UUID SUMMARIES = UUID.fromString("0195f3a0-0000-7000-8000-00000000a002");

    @Test
    void countsEventsByTypeAndDecisionsByOutcome() {
        Trail trail = new Trail().agentCreated(INVOICES, "invoice-summarizer")
                .allowed(INVOICES, "invoice-summarizer", "agent.transition")
                .conditional(INVOICES, "invoice-summarizer", "agent.transition")
                .denied(SUMMARIES, "summaries", "agent.transition", "no-nights", "not at night")
                .authenticationFailed()
                .policyChanged(POLICY_CREATED, Trail.ADMIN, "p-1", "guardrails", 1)
                .policyChanged(POLICY_DELETED, Trail.ADMIN, "p-1", "guardrails", 2)
                .apiKeyChanged(API_KEY_ISSUED, Trail.ADMIN, "k-1", "ci", "operator");

        ReportSummary summary = trail.report(ComplianceFrameworks.HIPAA).summary();

        assertThat(summary.totalEvents()).isEqualTo(8);
        assertThat(summary.allowDecisions()).isEqualTo(1);
        assertThat(summary.conditionalDecisions()).isEqualTo(1);
        assertThat(summary.denyDecisions()).isEqualTo(1);
        assertThat(summary.decisions()).isEqualTo(3);
        assertThat(summary.distinctAgents()).isEqualTo(2);
        assertThat(summary.failedAuthentications()).isEqualTo(1);
        assertThat(summary.policyChanges()).isEqualTo(2);
        assertThat(summary.apiKeyChanges()).isEqualTo(1);
        assertThat(summary.unreadableDetails()).isZero();
        assertThat(summary.eventsByType()).hasSize(AuditEventType.values().length)
                .containsEntry(AGENT_CREATED, 1L).containsEntry(POLICY_DECISION, 3L)
                .containsEntry(AuditEventType.AUDIT_EXPORTED, 0L);
        assertThat(summary.eventsByType().keySet()).first().isEqualTo(AGENT_CREATED);
    }

    @Test
    void keepsOnlyEventsInsideTheHalfOpenPeriod() {
        Trail trail = new Trail().at(Trail.NOVEMBER.from().minusSeconds(1)).authenticationFailed()
                .at(Trail.NOVEMBER.from()).authenticationFailed()
                .at(Trail.NOVEMBER.to().minusSeconds(1)).authenticationFailed()
                .at(Trail.NOVEMBER.to()).authenticationFailed();
        ComplianceReportBuilder builder = builder(ComplianceFrameworks.HIPAA, 10);

        List<Boolean> accepted = trail.events().stream().map(builder::accept).toList();

        assertThat(accepted).containsExactly(false, true, true, false);
        assertThat(builder.build(trail.verified()).summary().totalEvents()).isEqualTo(2);
    }

    @Test
    void ignoresEventTypesTheFrameworkDoesNotCollect() {
        ComplianceFramework denialsOnly = new ComplianceFramework("denials", "Denials", "",
                EnumSet.of(POLICY_DECISION), List.of(new DenialsNameRuleCheck("x")));
        Trail trail = new Trail().agentCreated(INVOICES, "invoices").authenticationFailed()
                .denied(INVOICES, "invoices", "agent.transition", "r", "no");

        ReportSummary summary = trail.report(denialsOnly).summary();

        assertThat(summary.totalEvents()).isEqualTo(1);
        assertThat(summary.eventsByType()).containsOnlyKeys(POLICY_DECISION);
        assertThat(summary.failedAuthentications()).isZero();
    }

    @Test
    void refusesEventsOutOfSeqOrder() {
        List<AuditEvent> events = new Trail().authenticationFailed().authenticationFailed().events();
        ComplianceReportBuilder builder = builder(ComplianceFrameworks.HIPAA, 10);
        builder.accept(events.get(1));

        assertThatThrownBy(() -> builder.accept(events.get(0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("events must come in increasing seq order: 1 after 2");
    }

    @Test
    void listsEachDenialWithItsAgentActionActorReasonAndRule() {
        Trail trail = new Trail().agentCreated(INVOICES, "invoice-summarizer")
                .denied(INVOICES, null, "agent.transition", "no-nights", "not at night")
                .denied(null, "new-agent", "agent.create", null, "no rule allows it");

        List<DenialRow> denials = trail.report(ComplianceFrameworks.HIPAA).denials().rows();

        AuditEvent first = trail.events().get(1);
        assertThat(denials).containsExactly(
                new DenialRow(2, first.occurredAt(), INVOICES, "invoice-summarizer", "agent.transition", Trail.ADMIN,
                        "not at night", "no-nights"),
                new DenialRow(3, trail.events().get(2).occurredAt(), null, "new-agent", "agent.create", Trail.ADMIN,
                        "no rule allows it", null));
    }

    @Test
    void capsListedSectionsAndCountsWhatTheyLeaveOut() {
        Trail trail = new Trail();
        for (int i = 0; i < 5; i++) {
            trail.denied(INVOICES, "invoices", "agent.transition", null, "default deny " + i)
                    .policyChanged(POLICY_UPDATED, Trail.ADMIN, "p-1", "guardrails", i + 1)
                    .apiKeyChanged(API_KEY_ISSUED, Trail.ADMIN, "k-" + i, "key " + i, "auditor");
        }

        ComplianceReport report = trail.report(ComplianceFrameworks.SOX, 2, trail.verified());

        assertThat(report.denials().rows()).extracting(DenialRow::reason)
                .containsExactly("default deny 0", "default deny 1");
        assertThat(report.denials().omittedRows()).isEqualTo(3);
        assertThat(report.denials().truncated()).isTrue();
        assertThat(report.policyChanges().rows()).extracting(PolicyChangeRow::version).containsExactly(1L, 2L);
        assertThat(report.policyChanges().omittedRows()).isEqualTo(3);
        assertThat(report.apiKeyChanges().totalRows()).isEqualTo(5);
        assertThat(report.summary().denyDecisions()).isEqualTo(5);
        CheckResult denialsNameRule = report.checks().stream()
                .filter(check -> check.id().equals(DenialsNameRuleCheck.ID)).findFirst().orElseThrow();
        assertThat(denialsNameRule.detail()).isEqualTo("5 of 5 denials have no rule: seq 1, 4, 7, 10, 13");
    }

    @Test
    void talliesAccessByAgentWithActionsAndFirstAndLastSeen() {
        Trail trail = new Trail().agentCreated(INVOICES, "invoices")
                .allowed(INVOICES, "invoices", "agent.transition")
                .conditional(INVOICES, "invoices", "tool.invoke")
                .denied(INVOICES, "invoices-v2", "data.write", "r", "no")
                .allowed(SUMMARIES, "summaries", "agent.transition");

        List<AgentAccess> access = trail.report(ComplianceFrameworks.GDPR).accessByAgent().rows();

        List<AuditEvent> events = trail.events();
        assertThat(access).containsExactly(
                new AgentAccess(INVOICES, "invoices-v2", 1, 1, 1, List.of("agent.transition", "data.write",
                        "tool.invoke"), events.get(0).occurredAt(), events.get(3).occurredAt()),
                new AgentAccess(SUMMARIES, "summaries", 1, 0, 0, List.of("agent.transition"),
                        events.get(4).occurredAt(), events.get(4).occurredAt()));
    }

    @Test
    void capsAgentRowsButCountsDistinctAgentsExactly() {
        Trail trail = new Trail();
        for (int i = 0; i < 5; i++) {
            UUID agent = new UUID(1, i);
            trail.allowed(agent, "agent-" + i, "agent.transition").allowed(agent, "agent-" + i, "tool.invoke");
        }

        ComplianceReport report = trail.report(ComplianceFrameworks.HIPAA, 3, trail.verified());

        assertThat(report.accessByAgent().rows()).extracting(AgentAccess::agentName)
                .containsExactly("agent-0", "agent-1", "agent-2");
        assertThat(report.accessByAgent().omittedRows()).isEqualTo(2);
        assertThat(report.summary().distinctAgents()).isEqualTo(5);
    }

    @Test
    void listsPolicyAndApiKeyChangesWithTheirActors() {
        Trail trail = new Trail().policyChanged(POLICY_CREATED, null, "p-1", "baseline", 1)
                .apiKeyChanged(API_KEY_ISSUED, Trail.ADMIN, "k-1", "ci", "operator");

        ComplianceReport report = trail.report(ComplianceFrameworks.SOX);

        assertThat(report.policyChanges().rows()).containsExactly(new PolicyChangeRow(1,
                trail.events().get(0).occurredAt(), POLICY_CREATED, null, "p-1", "baseline", 1L));
        assertThat(report.apiKeyChanges().rows()).containsExactly(new ApiKeyChangeRow(2,
                trail.events().get(1).occurredAt(), API_KEY_ISSUED, Trail.ADMIN, "k-1", "ci", "operator"));
    }

    @Test
    void countsUnreadableDetailsWithoutFailingTheReport() {
        Trail trail = new Trail().event(POLICY_DECISION, INVOICES, Trail.ADMIN, "deny", "{not json")
                .event(AUTHENTICATION_FAILED, null, null, null, "[1, 2]")
                .event(AUTHENTICATION_FAILED, null, null, null, null);

        ComplianceReport report = trail.report(ComplianceFrameworks.HIPAA);

        assertThat(report.summary().unreadableDetails()).isEqualTo(2);
        assertThat(report.summary().denyDecisions()).isEqualTo(1);
        assertThat(report.denials().rows()).singleElement()
                .satisfies(denial -> assertThat(denial.ruleId()).isNull());
    }

    @Test
    void clipsLongTextsSoRowsStaySmall() {
        String hugeReason = "x".repeat(100_000);
        Trail trail = new Trail().denied(INVOICES, "invoices", "agent.transition", "r", hugeReason);

        DenialRow denial = trail.report(ComplianceFrameworks.HIPAA).denials().rows().getFirst();

        assertThat(denial.reason()).hasSize(EventDetails.MAX_TEXT).endsWith("\u2026");
    }

    @Test
    void carriesTheHeaderTheChecksAndTheIntegrityEvidence() {
        Trail trail = new Trail().allowed(INVOICES, "invoices", "agent.transition");
        IntegrityEvidence evidence = trail.verified();

        ComplianceReport report = trail.report(ComplianceFrameworks.SOX, 10, evidence);

        assertThat(report.header()).isEqualTo(new ReportHeader(UUID.fromString("0195f3a0-0000-7000-8000-000000000001"),
                "sox", ComplianceFrameworks.SOX.title(), Trail.NOVEMBER, Instant.parse("2026-12-01T06:00:00Z"),
                Trail.ADMIN));
        assertThat(report.checks()).extracting(CheckResult::id).containsExactlyElementsOf(
                ComplianceFrameworks.SOX.checks().stream().map(ComplianceCheck::id).toList());
        assertThat(report.allChecksPassed()).isTrue();
        assertThat(report.integrity()).isSameAs(evidence);
    }

    @Test
    void readsDecisionDetailsAsTheRuntimeWritesThem() {
        String details = "{\"action\":\"agent.create\",\"matched_rules\":[\"deny-all\"],\"reason\":\"frozen\","
                + "\"rule_id\":\"deny-all\",\"subject\":{\"agent_name\":\"x\",\"role\":\"operator\"},\"extra\":{}}";
        Trail trail = new Trail().event(POLICY_DECISION, null, Trail.ADMIN, "deny", details);

        DenialRow denial = trail.report(ComplianceFrameworks.HIPAA).denials().rows().getFirst();

        assertThat(denial).extracting(DenialRow::agentName, DenialRow::action, DenialRow::reason, DenialRow::ruleId)
                .containsExactly("x", "agent.create", "frozen", "deny-all");
    }

    private static ComplianceReportBuilder builder(ComplianceFramework framework, int maxRows) {
        return new ComplianceReportBuilder(UUID.randomUUID(), framework, Trail.NOVEMBER, Instant.now(), "tester",
                maxRows);
    }
}
