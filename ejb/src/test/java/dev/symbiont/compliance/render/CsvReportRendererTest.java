package dev.symbiont.compliance.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.compliance.ComplianceReport;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvReportRendererTest {

    private final ComplianceReport report = SampleReports.everySection();

    @Test
    void everySectionOpensWithItsOwnHeaderRowInAFixedOrder() throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        List<List<String>> records = render(report);
        for (int i = 0; i + 1 < records.size(); i++) {
            if (records.get(i).getFirst().equals("section")) {
                headers.put(records.get(i + 1).getFirst(), records.get(i));
            }
        }

        assertThat(headers.keySet()).containsExactly("report", "summary", "events_by_type", "checks", "denials",
                "policy_changes", "access_by_agent", "api_key_changes", "truncation", "integrity", "checkpoints");
        assertThat(headers.get("denials")).containsExactly("section", "seq", "occurred_at", "agent_id", "agent_name",
                "action", "actor", "reason", "rule_id");
        assertThat(records.getFirst()).containsExactly("section", "field", "value");
    }

    @Test
    void aHostileValueSurvivesQuotingAndCannotRunAsAFormula() throws IOException {
        List<String> denial = section(render(report), "denials").getFirst();

        assertThat(denial).hasSize(9);
        assertThat(denial.get(4)).isEqualTo("'" + SampleReports.HOSTILE);
        assertThat(denial.get(7)).isEqualTo("'+SUM(A1:A9)");
        assertThat(denial.get(8)).isEqualTo("no-nights");
    }

    @Test
    void cellsThatLookLikeFormulasGetALeadingQuote() {
        assertThat(CsvWriter.field("=1+2")).isEqualTo("'=1+2");
        assertThat(CsvWriter.field("-2")).isEqualTo("'-2");
        assertThat(CsvWriter.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.field("\tx")).isEqualTo("'\tx");
        assertThat(CsvWriter.field("a=b")).isEqualTo("a=b");
        assertThat(CsvWriter.field("say \"hi\", then")).isEqualTo("\"say \"\"hi\"\", then\"");
    }

    @Test
    void writesTheSummaryAndTheEventCounts() throws IOException {
        List<List<String>> records = render(report);

        assertThat(section(records, "summary")).contains(List.of("summary", "total_events", "9"),
                List.of("summary", "deny_decisions", "2"), List.of("summary", "policy_changes", "2"));
        assertThat(section(records, "events_by_type")).contains(List.of("events_by_type", "policy.decision", "4"));
        assertThat(section(records, "report")).contains(List.of("report", "framework", "sox"),
                List.of("report", "period_from", "2026-11-01T00:00:00Z"));
    }

    @Test
    void writesChecksChangesAgentsAndCheckpoints() throws IOException {
        List<List<String>> records = render(report);

        assertThat(section(records, "checks")).hasSize(report.checks().size())
                .anySatisfy(check -> assertThat(check).containsSubsequence("policy-changes-attributed", "false"));
        assertThat(section(records, "policy_changes")).extracting(row -> row.get(3))
                .containsExactly("policy.created", "policy.updated");
        assertThat(section(records, "access_by_agent").getFirst())
                .containsSubsequence("'" + SampleReports.HOSTILE, "1", "1", "1", "agent.transition tool.invoke");
        assertThat(section(records, "api_key_changes")).singleElement()
                .satisfies(row -> assertThat(row).endsWith("k-1", "ci", "operator"));
        assertThat(section(records, "checkpoints")).extracting(row -> row.get(2))
                .containsExactly("0".repeat(64), SampleReports.ROOT_HEX);
        assertThat(section(records, "truncation")).contains(List.of("truncation", "denials", "2", "0"));
    }

    @Test
    void theFileIsStrictRfc4180AndTheStreamStaysOpen() throws IOException {
        StreamSpy out = new StreamSpy();

        new CsvReportRenderer().render(report, out);

        assertThat(out.closed()).isFalse();
        assertThat(out.text()).endsWith("\r\n");
        assertThat(Rfc4180.parse(out.text())).isNotEmpty();
    }

    private static List<List<String>> render(ComplianceReport report) throws IOException {
        StreamSpy out = new StreamSpy();
        new CsvReportRenderer().render(report, out);
        return Rfc4180.parse(out.text());
    }

    private static List<List<String>> section(List<List<String>> records, String name) {
        return records.stream().filter(record -> record.getFirst().equals(name)).toList();
    }
}
