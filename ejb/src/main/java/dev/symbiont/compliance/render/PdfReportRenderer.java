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
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * The report as a PDF for people: title block, summary, check results, the listed sections and the integrity
 * evidence, on numbered A4 landscape pages. Only the standard 14 fonts are used, so nothing is embedded and any
 * character they cannot show is printed as '?'.
 */
public final class PdfReportRenderer implements ReportRenderer {

    // Column weights: a UUID (2.35) and an instant to the second (1.45) fit on one line in every table below.
    private static final PdfColumn SEQ = PdfColumn.of("Seq", 0.55f);
    private static final PdfColumn TIME = PdfColumn.of("Time", 1.45f);
    private static final PdfColumn CHANGE = PdfColumn.of("Change", 1.1f);
    private static final PdfColumn ACTOR = PdfColumn.of("Actor", 2.2f);
    private static final List<PdfColumn> CHECK_COLUMNS = List.of(PdfColumn.of("Result", 0.6f),
            PdfColumn.of("Check", 2.4f), PdfColumn.of("Clause", 2.4f), new PdfColumn("Detail", 4.6f, 6));
    private static final List<PdfColumn> DENIAL_COLUMNS = List.of(SEQ, TIME, PdfColumn.of("Agent id", 2.35f),
            PdfColumn.of("Agent", 1.3f), PdfColumn.of("Action", 1.1f), PdfColumn.of("Actor", 1.5f),
            PdfColumn.of("Reason", 2.7f), PdfColumn.of("Rule", 1.25f));
    private static final List<PdfColumn> POLICY_CHANGE_COLUMNS = List.of(SEQ, TIME, CHANGE, ACTOR,
            PdfColumn.of("Policy id", 2.35f), PdfColumn.of("Name", 2), PdfColumn.of("Version", 0.6f));
    private static final List<PdfColumn> AGENT_COLUMNS = List.of(PdfColumn.of("Agent id", 2.35f),
            PdfColumn.of("Agent", 1.6f), PdfColumn.of("Allowed", 0.7f), PdfColumn.of("Denied", 0.7f),
            PdfColumn.of("Conditional", 0.8f), PdfColumn.of("Actions", 2.4f), PdfColumn.of("First seen", 1.45f),
            PdfColumn.of("Last seen", 1.45f));
    private static final List<PdfColumn> API_KEY_COLUMNS = List.of(SEQ, TIME, CHANGE, ACTOR,
            PdfColumn.of("Key id", 2.35f), PdfColumn.of("Name", 2), PdfColumn.of("Role", 0.8f));
    private static final List<PdfColumn> CHECKPOINT_COLUMNS = List.of(PdfColumn.of("Tree size", 0.8f),
            PdfColumn.of("Created at", 1.45f), PdfColumn.of("Key id", 1.5f), new PdfColumn("Root hash (hex)", 3, 4));

    @Override
    public ReportFormat format() {
        return ReportFormat.PDF;
    }

    @Override
    public void render(ComplianceReport report, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            describe(document, report.header());
            try (PdfPageFlow flow = new PdfPageFlow(document)) {
                titleBlock(flow, report.header());
                summary(flow, report.summary());
                checks(flow, report.checks());
                denials(flow, report.denials());
                policyChanges(flow, report.policyChanges());
                accessByAgent(flow, report.accessByAgent());
                apiKeyChanges(flow, report.apiKeyChanges());
                integrity(flow, report.integrity());
                flow.finish("Symbiont compliance report " + report.header().reportId() + " - "
                        + report.header().frameworkTitle());
            }
            document.save(new CallerOwnedOutputStream(out));
        }
    }

    private static void describe(PDDocument document, ReportHeader header) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle("Compliance report: " + header.frameworkTitle());
        info.setSubject(header.period().from() + " to " + header.period().to());
        info.setCreator("Symbiont");
        info.setCreationDate(GregorianCalendar.from(header.generatedAt().atZone(ZoneOffset.UTC)));
    }

    private static void titleBlock(PdfPageFlow flow, ReportHeader header) throws IOException {
        flow.title("Compliance report: " + header.frameworkTitle());
        flow.table(List.of(PdfColumn.of("", 1), PdfColumn.of("", 5)), List.of(
                List.of("Framework", header.frameworkName() + " - " + header.frameworkTitle()),
                List.of("Period", header.period().from() + " (inclusive) to " + header.period().to() + " (exclusive)"),
                List.of("Generated at", header.generatedAt().toString()),
                List.of("Requested by", text(header.requestedBy())),
                List.of("Report id", header.reportId().toString())));
    }

    private static void summary(PdfPageFlow flow, ReportSummary summary) throws IOException {
        flow.heading("Summary");
        List<List<String>> rows = new ArrayList<>(List.of(
                List.of("Events in the period", number(summary.totalEvents())),
                List.of("Policy decisions: allow / deny / allow with conditions", number(summary.allowDecisions())
                        + " / " + number(summary.denyDecisions()) + " / " + number(summary.conditionalDecisions())),
                List.of("Distinct agents", number(summary.distinctAgents())),
                List.of("Failed authentications", number(summary.failedAuthentications())),
                List.of("Policy changes", number(summary.policyChanges())),
                List.of("API key changes", number(summary.apiKeyChanges())),
                List.of("Events with unreadable details", number(summary.unreadableDetails()))));
        summary.eventsByType().forEach((type, count) -> rows.add(List.of("Events: " + type.wireName(), number(count))));
        flow.table(List.of(PdfColumn.of("Measure", 3), PdfColumn.of("Value", 2)), rows);
    }

    private static void checks(PdfPageFlow flow, List<CheckResult> checks) throws IOException {
        long failed = checks.stream().filter(check -> !check.passed()).count();
        flow.heading("Checks: " + (checks.size() - failed) + " passed, " + failed + " failed");
        flow.table(CHECK_COLUMNS, checks.stream().map(check -> List.of(check.passed() ? "PASS" : "FAIL",
                check.title() + " (" + check.id() + ")", check.clause(), check.detail())).toList());
    }

    private static void denials(PdfPageFlow flow, ReportSection<DenialRow> section) throws IOException {
        flow.heading("Denials (" + number(section.totalRows()) + ")");
        table(flow, section, "denials", DENIAL_COLUMNS, row -> List.of(String.valueOf(row.seq()),
                time(row.occurredAt()), text(row.agentId()), text(row.agentName()), text(row.action()),
                text(row.actor()), text(row.reason()), text(row.ruleId())));
    }

    private static void policyChanges(PdfPageFlow flow, ReportSection<PolicyChangeRow> section) throws IOException {
        flow.heading("Policy changes (" + number(section.totalRows()) + ")");
        table(flow, section, "policy changes", POLICY_CHANGE_COLUMNS, row -> List.of(String.valueOf(row.seq()),
                time(row.occurredAt()), row.type().wireName(), text(row.actor()), text(row.policyId()),
                text(row.name()), text(row.version())));
    }

    private static void accessByAgent(PdfPageFlow flow, ReportSection<AgentAccess> section) throws IOException {
        flow.heading("Access by agent (" + number(section.totalRows()) + ")");
        table(flow, section, "agents", AGENT_COLUMNS, row -> List.of(row.agentId().toString(), text(row.agentName()),
                number(row.allowed()), number(row.denied()), number(row.conditional()),
                String.join(", ", row.actions()), time(row.firstSeen()), time(row.lastSeen())));
    }

    private static void apiKeyChanges(PdfPageFlow flow, ReportSection<ApiKeyChangeRow> section) throws IOException {
        flow.heading("API key changes (" + number(section.totalRows()) + ")");
        table(flow, section, "API key changes", API_KEY_COLUMNS, row -> List.of(String.valueOf(row.seq()),
                time(row.occurredAt()), row.type().wireName(), text(row.actor()), text(row.keyId()),
                text(row.name()), text(row.role())));
    }

    private static void integrity(PdfPageFlow flow, IntegrityEvidence integrity) throws IOException {
        flow.heading("Integrity verification: " + (integrity.verified() ? "verified" : "FAILED"));
        flow.paragraph(number(integrity.eventsVerified()) + " events verified"
                + (integrity.firstSeq() == null ? "" : ", seq " + integrity.firstSeq() + " to " + integrity.lastSeq())
                + "; " + integrity.checkpoints().size() + " signed checkpoint(s).");
        for (String failure : integrity.failures()) {
            flow.paragraph("Failure: " + failure);
        }
        if (!integrity.checkpoints().isEmpty()) {
            flow.table(CHECKPOINT_COLUMNS,
                    integrity.checkpoints().stream().map(PdfReportRenderer::checkpointRow).toList());
        }
    }

    private static List<String> checkpointRow(CheckpointRoot checkpoint) {
        return List.of(number(checkpoint.treeSize()), time(checkpoint.createdAt()), text(checkpoint.keyId()),
                checkpoint.rootHashHex());
    }

    private static <T> void table(PdfPageFlow flow, ReportSection<T> section, String what, List<PdfColumn> columns,
                                  Function<T, List<String>> toCells) throws IOException {
        if (section.rows().isEmpty() && !section.truncated()) {
            flow.paragraph("None in the period.");
            return;
        }
        flow.table(columns, section.rows().stream().map(toCells).toList());
        if (section.truncated()) {
            flow.paragraph("Truncated: " + number(section.omittedRows()) + " more " + what + " not listed (the"
                    + " counts in the summary include them).");
        }
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }

    /** To the second: people read this format, and the seq, not the time, identifies an event. */
    private static String time(Instant instant) {
        return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
