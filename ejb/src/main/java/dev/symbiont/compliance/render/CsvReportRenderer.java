package dev.symbiont.compliance.render;

import dev.symbiont.compliance.AgentAccess;
import dev.symbiont.compliance.ApiKeyChangeRow;
import dev.symbiont.compliance.CheckResult;
import dev.symbiont.compliance.CheckpointRoot;
import dev.symbiont.compliance.ComplianceReport;
import dev.symbiont.compliance.DenialRow;
import dev.symbiont.compliance.IntegrityEvidence;
import dev.symbiont.compliance.PolicyChangeRow;
import dev.symbiont.compliance.ReportHeader;
import dev.symbiont.compliance.ReportSummary;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The whole report in one UTF-8 CSV file. Every row starts with its section's name; each section opens with its own
 * header row, whose first cell is {@code section}, so a reader can split the file into tables. Sections: report,
 * summary, events_by_type, checks, denials, policy_changes, access_by_agent, api_key_changes, truncation,
 * integrity, checkpoints (in this order, each present even when empty).
 */
public final class CsvReportRenderer implements ReportRenderer {

    @Override
    public ReportFormat format() {
        return ReportFormat.CSV;
    }

    @Override
    public void render(ComplianceReport report, OutputStream out) throws IOException {
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(new CallerOwnedOutputStream(out),
                StandardCharsets.UTF_8))) {
            CsvWriter csv = new CsvWriter(writer);
            header(csv, report.header());
            summary(csv, report.summary());
            checks(csv, report);
            denials(csv, report);
            policyChanges(csv, report);
            accessByAgent(csv, report);
            apiKeyChanges(csv, report);
            truncation(csv, report);
            integrity(csv, report.integrity());
        }
    }

    private static void header(CsvWriter csv, ReportHeader header) throws IOException {
        csv.row("section", "field", "value");
        csv.row("report", "report_id", header.reportId());
        csv.row("report", "framework", header.frameworkName());
        csv.row("report", "framework_title", header.frameworkTitle());
        csv.row("report", "period_from", header.period().from());
        csv.row("report", "period_to", header.period().to());
        csv.row("report", "generated_at", header.generatedAt());
        csv.row("report", "requested_by", header.requestedBy());
    }

    private static void summary(CsvWriter csv, ReportSummary summary) throws IOException {
        csv.row("section", "metric", "value");
        csv.row("summary", "total_events", summary.totalEvents());
        csv.row("summary", "allow_decisions", summary.allowDecisions());
        csv.row("summary", "deny_decisions", summary.denyDecisions());
        csv.row("summary", "conditional_decisions", summary.conditionalDecisions());
        csv.row("summary", "distinct_agents", summary.distinctAgents());
        csv.row("summary", "failed_authentications", summary.failedAuthentications());
        csv.row("summary", "policy_changes", summary.policyChanges());
        csv.row("summary", "api_key_changes", summary.apiKeyChanges());
        csv.row("summary", "unreadable_details", summary.unreadableDetails());
        csv.row("section", "event_type", "count");
        for (var entry : summary.eventsByType().entrySet()) {
            csv.row("events_by_type", entry.getKey().wireName(), entry.getValue());
        }
    }

    private static void checks(CsvWriter csv, ComplianceReport report) throws IOException {
        csv.row("section", "id", "title", "clause", "passed", "detail");
        for (CheckResult check : report.checks()) {
            csv.row("checks", check.id(), check.title(), check.clause(), check.passed(), check.detail());
        }
    }

    private static void denials(CsvWriter csv, ComplianceReport report) throws IOException {
        csv.row("section", "seq", "occurred_at", "agent_id", "agent_name", "action", "actor", "reason", "rule_id");
        for (DenialRow row : report.denials().rows()) {
            csv.row("denials", row.seq(), row.occurredAt(), row.agentId(), row.agentName(), row.action(), row.actor(),
                    row.reason(), row.ruleId());
        }
    }

    private static void policyChanges(CsvWriter csv, ComplianceReport report) throws IOException {
        csv.row("section", "seq", "occurred_at", "type", "actor", "policy_id", "name", "version");
        for (PolicyChangeRow row : report.policyChanges().rows()) {
            csv.row("policy_changes", row.seq(), row.occurredAt(), row.type().wireName(), row.actor(), row.policyId(),
                    row.name(), row.version());
        }
    }

    private static void accessByAgent(CsvWriter csv, ComplianceReport report) throws IOException {
        csv.row("section", "agent_id", "agent_name", "allowed", "denied", "conditional", "actions", "first_seen",
                "last_seen");
        for (AgentAccess row : report.accessByAgent().rows()) {
            csv.row("access_by_agent", row.agentId(), row.agentName(), row.allowed(), row.denied(), row.conditional(),
                    String.join(" ", row.actions()), row.firstSeen(), row.lastSeen());
        }
    }

    private static void apiKeyChanges(CsvWriter csv, ComplianceReport report) throws IOException {
        csv.row("section", "seq", "occurred_at", "type", "actor", "key_id", "name", "role");
        for (ApiKeyChangeRow row : report.apiKeyChanges().rows()) {
            csv.row("api_key_changes", row.seq(), row.occurredAt(), row.type().wireName(), row.actor(), row.keyId(),
                    row.name(), row.role());
        }
    }

    /** How many rows each listed section has in the file and how many the cap left out. */
    private static void truncation(CsvWriter csv, ComplianceReport report) throws IOException {
        csv.row("section", "listed_section", "rows", "omitted_rows");
        csv.row("truncation", "denials", report.denials().rows().size(), report.denials().omittedRows());
        csv.row("truncation", "policy_changes", report.policyChanges().rows().size(),
                report.policyChanges().omittedRows());
        csv.row("truncation", "access_by_agent", report.accessByAgent().rows().size(),
                report.accessByAgent().omittedRows());
        csv.row("truncation", "api_key_changes", report.apiKeyChanges().rows().size(),
                report.apiKeyChanges().omittedRows());
    }

    private static void integrity(CsvWriter csv, IntegrityEvidence integrity) throws IOException {
        csv.row("section", "field", "value");
        csv.row("integrity", "verified", integrity.verified());
        csv.row("integrity", "events_verified", integrity.eventsVerified());
        csv.row("integrity", "first_seq", integrity.firstSeq());
        csv.row("integrity", "last_seq", integrity.lastSeq());
        for (String failure : integrity.failures()) {
            csv.row("integrity", "failure", failure);
        }
        csv.row("section", "tree_size", "root_hash", "created_at", "key_id");
        for (CheckpointRoot checkpoint : integrity.checkpoints()) {
            csv.row("checkpoints", checkpoint.treeSize(), checkpoint.rootHashHex(), checkpoint.createdAt(),
                    checkpoint.keyId());
        }
    }
}
