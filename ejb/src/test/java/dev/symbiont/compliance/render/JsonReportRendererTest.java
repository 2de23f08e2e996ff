package dev.symbiont.compliance.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symbiont.compliance.ComplianceReport;
import dev.symbiont.compliance.ReportSection;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonReportRendererTest {

    private final ComplianceReport report = SampleReports.everySection();

    @Test
    void writesTheHeaderWithIsoInstants() throws IOException {
        JsonObject json = render(report);

        assertThat(json.getString("report_id")).isEqualTo(report.header().reportId().toString());
        assertThat(json.getJsonObject("framework").getString("name")).isEqualTo("sox");
        assertThat(json.getJsonObject("framework").getString("title")).isEqualTo(report.header().frameworkTitle());
        assertThat(json.getJsonObject("period").getString("from")).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(json.getJsonObject("period").getString("to")).isEqualTo("2026-12-01T00:00:00Z");
        assertThat(Instant.parse(json.getString("generated_at"))).isEqualTo(report.header().generatedAt());
        assertThat(json.getString("requested_by")).isEqualTo(report.header().requestedBy());
    }

    @Test
    void writesTheSummaryCounts() throws IOException {
        JsonObject summary = render(report).getJsonObject("summary");

        assertThat(summary.getInt("total_events")).isEqualTo(9);
        assertThat(summary.getJsonObject("decisions")).isEqualTo(Json.createObjectBuilder().add("allow", 1)
                .add("deny", 2).add("allow_with_conditions", 1).build());
        assertThat(summary.getJsonObject("events_by_type").getInt("policy.decision")).isEqualTo(4);
        assertThat(summary.getJsonObject("events_by_type").getInt("apikey.revoked")).isZero();
        assertThat(summary.getInt("distinct_agents")).isEqualTo(1);
        assertThat(summary.getInt("failed_authentications")).isEqualTo(1);
        assertThat(summary.getInt("policy_changes")).isEqualTo(2);
        assertThat(summary.getInt("api_key_changes")).isEqualTo(1);
    }

    @Test
    void writesEveryCheckResult() throws IOException {
        var checks = render(report).getJsonArray("checks");

        assertThat(checks).hasSize(report.checks().size());
        JsonObject attributed = checks.getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("id").equals("policy-changes-attributed")).findFirst().orElseThrow();
        assertThat(attributed.getBoolean("passed")).isFalse();
        assertThat(attributed.getString("detail")).isEqualTo("1 of 2 policy changes name no actor: seq 8");
        assertThat(attributed.getString("clause")).startsWith("SOX 404");
    }

    @Test
    void writesDenialsOmittingAbsentValues() throws IOException {
        JsonObject denials = render(report).getJsonObject("denials");

        assertThat(denials.getInt("omitted_rows")).isZero();
        JsonObject hostile = denials.getJsonArray("rows").getJsonObject(0);
        assertThat(hostile.getInt("seq")).isEqualTo(4);
        assertThat(hostile.getString("agent_id")).isEqualTo(SampleReports.INVOICES.toString());
        assertThat(hostile.getString("agent_name")).isEqualTo(SampleReports.HOSTILE);
        assertThat(hostile.getString("reason")).isEqualTo("+SUM(A1:A9)");
        assertThat(hostile.getString("rule_id")).isEqualTo("no-nights");
        JsonObject registration = denials.getJsonArray("rows").getJsonObject(1);
        assertThat(registration).doesNotContainKeys("agent_id", "rule_id");
    }

    @Test
    void writesChangesAndAccessByAgent() throws IOException {
        JsonObject json = render(report);

        JsonObject update = json.getJsonObject("policy_changes").getJsonArray("rows").getJsonObject(1);
        assertThat(update.getString("type")).isEqualTo("policy.updated");
        assertThat(update.getInt("version")).isEqualTo(2);
        assertThat(update).doesNotContainKey("actor");
        JsonObject key = json.getJsonObject("api_key_changes").getJsonArray("rows").getJsonObject(0);
        assertThat(key.getString("role")).isEqualTo("operator");
        JsonObject agent = json.getJsonObject("access_by_agent").getJsonArray("rows").getJsonObject(0);
        assertThat(agent.getInt("allowed")).isEqualTo(1);
        assertThat(agent.getInt("denied")).isEqualTo(1);
        assertThat(agent.getInt("conditional")).isEqualTo(1);
        assertThat(agent.getJsonArray("actions").getValuesAs(JsonString.class))
                .extracting(JsonString::getString).containsExactly("agent.transition", "tool.invoke");
    }

    @Test
    void writesTheIntegrityEvidenceWithItsCheckpoints() throws IOException {
        JsonObject integrity = render(report).getJsonObject("integrity");

        assertThat(integrity.getBoolean("verified")).isTrue();
        assertThat(integrity.getInt("events_verified")).isEqualTo(9);
        assertThat(integrity.getInt("first_seq")).isEqualTo(1);
        assertThat(integrity.getInt("last_seq")).isEqualTo(9);
        assertThat(integrity.getJsonArray("failures")).isEmpty();
        JsonObject latest = integrity.getJsonArray("checkpoints").getJsonObject(1);
        assertThat(latest.getInt("tree_size")).isEqualTo(9);
        assertThat(latest.getString("root_hash")).isEqualTo(SampleReports.ROOT_HEX);
        assertThat(latest.getString("created_at")).isEqualTo("2026-11-30T23:00:00Z");
        assertThat(latest.getString("key_id")).isEqualTo("audit-key-2");
    }

    @Test
    void reportsTruncationOfACappedSection() throws IOException {
        ComplianceReport capped = SampleReports.manyDenials(5);
        ComplianceReport truncated = new ComplianceReport(capped.header(), capped.summary(), capped.checks(),
                new ReportSection<>(capped.denials().rows().subList(0, 2), 3),
                capped.policyChanges(), capped.accessByAgent(), capped.apiKeyChanges(), capped.integrity());

        JsonObject denials = render(truncated).getJsonObject("denials");

        assertThat(denials.getJsonArray("rows")).hasSize(2);
        assertThat(denials.getInt("omitted_rows")).isEqualTo(3);
    }

    @Test
    void leavesTheCallersStreamOpen() throws IOException {
        StreamSpy out = new StreamSpy();

        new JsonReportRenderer().render(report, out);

        assertThat(out.closed()).isFalse();
        assertThat(out.size()).isPositive();
    }

    @Test
    void aFailingStreamSurfacesAsTheStreamsIOException() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("client went away");
            }
        };

        assertThatThrownBy(() -> new JsonReportRenderer().render(report, broken)).isInstanceOf(IOException.class)
                .hasMessage("client went away");
    }

    private static JsonObject render(ComplianceReport report) throws IOException {
        StreamSpy out = new StreamSpy();
        new JsonReportRenderer().render(report, out);
        try (JsonReader reader = Json.createReader(new StringReader(out.text()))) {
            return reader.readObject();
        }
    }
}
