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
import dev.symbiont.compliance.ReportSection;
import dev.symbiont.compliance.ReportSummary;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The report as one JSON object, streamed: snake_case names, instants in ISO-8601, absent values omitted (the
 * API's conventions). Listed sections are {@code {"rows": [...], "omitted_rows": n}}.
 */
public final class JsonReportRenderer implements ReportRenderer {

    private final JsonGeneratorFactory generators = Json.createGeneratorFactory(Map.of());

    @Override
    public ReportFormat format() {
        return ReportFormat.JSON;
    }

    @Override
    public void render(ComplianceReport report, OutputStream out) throws IOException {
        try {
            write(report, out);
        } catch (JsonException failed) {
            // JSON-P wraps the stream's IOException (a client that went away); callers expect it as such
            if (failed.getCause() instanceof IOException io) {
                throw io;
            }
            throw failed;
        }
    }

    private void write(ComplianceReport report, OutputStream out) {
        try (JsonGenerator json = generators.createGenerator(new CallerOwnedOutputStream(out),
                StandardCharsets.UTF_8)) {
            json.writeStartObject();
            header(json, report.header());
            summary(json, report.summary());
            json.writeStartArray("checks");
            report.checks().forEach(check -> check(json, check));
            json.writeEnd();
            section(json, "denials", report.denials(), JsonReportRenderer::denial);
            section(json, "policy_changes", report.policyChanges(), JsonReportRenderer::policyChange);
            section(json, "access_by_agent", report.accessByAgent(), JsonReportRenderer::agentAccess);
            section(json, "api_key_changes", report.apiKeyChanges(), JsonReportRenderer::apiKeyChange);
            integrity(json, report.integrity());
            json.writeEnd();
        }
    }

    private static void header(JsonGenerator json, ReportHeader header) {
        json.write("report_id", header.reportId().toString());
        json.writeStartObject("framework")
                .write("name", header.frameworkName())
                .write("title", header.frameworkTitle())
                .writeEnd();
        json.writeStartObject("period")
                .write("from", header.period().from().toString())
                .write("to", header.period().to().toString())
                .writeEnd();
        json.write("generated_at", header.generatedAt().toString());
        optional(json, "requested_by", header.requestedBy());
    }

    private static void summary(JsonGenerator json, ReportSummary summary) {
        json.writeStartObject("summary").write("total_events", summary.totalEvents());
        json.writeStartObject("events_by_type");
        summary.eventsByType().forEach((type, count) -> json.write(type.wireName(), count));
        json.writeEnd();
        json.writeStartObject("decisions")
                .write("allow", summary.allowDecisions())
                .write("deny", summary.denyDecisions())
                .write("allow_with_conditions", summary.conditionalDecisions())
                .writeEnd();
        json.write("distinct_agents", summary.distinctAgents())
                .write("failed_authentications", summary.failedAuthentications())
                .write("policy_changes", summary.policyChanges())
                .write("api_key_changes", summary.apiKeyChanges())
                .write("unreadable_details", summary.unreadableDetails())
                .writeEnd();
    }

    private static void check(JsonGenerator json, CheckResult check) {
        json.writeStartObject()
                .write("id", check.id())
                .write("title", check.title())
                .write("clause", check.clause())
                .write("passed", check.passed())
                .write("detail", check.detail())
                .writeEnd();
    }

    private static <T> void section(JsonGenerator json, String name, ReportSection<T> section,
                                    BiConsumer<JsonGenerator, T> row) {
        json.writeStartObject(name).writeStartArray("rows");
        section.rows().forEach(item -> {
            json.writeStartObject();
            row.accept(json, item);
            json.writeEnd();
        });
        json.writeEnd().write("omitted_rows", section.omittedRows()).writeEnd();
    }

    private static void denial(JsonGenerator json, DenialRow row) {
        json.write("seq", row.seq()).write("occurred_at", row.occurredAt().toString());
        optional(json, "agent_id", row.agentId());
        optional(json, "agent_name", row.agentName());
        optional(json, "action", row.action());
        optional(json, "actor", row.actor());
        optional(json, "reason", row.reason());
        optional(json, "rule_id", row.ruleId());
    }

    private static void policyChange(JsonGenerator json, PolicyChangeRow row) {
        json.write("seq", row.seq()).write("occurred_at", row.occurredAt().toString())
                .write("type", row.type().wireName());
        optional(json, "actor", row.actor());
        optional(json, "policy_id", row.policyId());
        optional(json, "name", row.name());
        if (row.version() != null) {
            json.write("version", row.version());
        }
    }

    private static void agentAccess(JsonGenerator json, AgentAccess row) {
        json.write("agent_id", row.agentId().toString());
        optional(json, "agent_name", row.agentName());
        json.write("allowed", row.allowed()).write("denied", row.denied()).write("conditional", row.conditional());
        json.writeStartArray("actions");
        row.actions().forEach(json::write);
        json.writeEnd();
        optional(json, "first_seen", row.firstSeen());
        optional(json, "last_seen", row.lastSeen());
    }

    private static void apiKeyChange(JsonGenerator json, ApiKeyChangeRow row) {
        json.write("seq", row.seq()).write("occurred_at", row.occurredAt().toString())
                .write("type", row.type().wireName());
        optional(json, "actor", row.actor());
        optional(json, "key_id", row.keyId());
        optional(json, "name", row.name());
        optional(json, "role", row.role());
    }

    private static void integrity(JsonGenerator json, IntegrityEvidence integrity) {
        json.writeStartObject("integrity")
                .write("verified", integrity.verified())
                .write("events_verified", integrity.eventsVerified());
        if (integrity.firstSeq() != null) {
            json.write("first_seq", integrity.firstSeq()).write("last_seq", integrity.lastSeq());
        }
        json.writeStartArray("failures");
        integrity.failures().forEach(json::write);
        json.writeEnd().writeStartArray("checkpoints");
        for (CheckpointRoot checkpoint : integrity.checkpoints()) {
            json.writeStartObject().write("tree_size", checkpoint.treeSize())
                    .write("root_hash", checkpoint.rootHashHex())
                    .write("created_at", checkpoint.createdAt().toString());
            optional(json, "key_id", checkpoint.keyId());
            json.writeEnd();
        }
        json.writeEnd().writeEnd();
    }

    /** Absent values are left out rather than written as null, like every other response of the API. */
    private static void optional(JsonGenerator json, String name, Object value) {
        if (value != null) {
            json.write(name, value.toString());
        }
    }
}
