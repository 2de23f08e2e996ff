package dev.symbiont.compliance.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.audit.AuditEventType;
import dev.symbiont.compliance.CheckpointRoot;
import dev.symbiont.compliance.ComplianceFrameworks;
import dev.symbiont.compliance.ComplianceReport;
import dev.symbiont.compliance.IntegrityEvidence;
import dev.symbiont.compliance.Trail;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfReportRendererTest {

    @Test
    void aLongReportSpreadsOverNumberedPagesWithEverySection() throws IOException {
        ComplianceReport report = SampleReports.manyDenials(300);

        try (PDDocument pdf = Loader.loadPDF(render(report).toByteArray())) {
            String text = new PDFTextStripper().getText(pdf);
            String flowing = text.replaceAll("\\s+", " ");

            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
            assertThat(flowing).contains("denial reason number 299 because the agent asked for too much memory");
            assertThat(text).as("a UUID is never wrapped").contains(SampleReports.INVOICES.toString());
            assertThat(text).contains(ComplianceFrameworks.HIPAA.title())
                    .contains("page 1 of " + pdf.getNumberOfPages())
                    .contains("page " + pdf.getNumberOfPages() + " of " + pdf.getNumberOfPages())
                    .contains("Summary", "Checks: ", "Denials (300)", "Policy changes (0)", "Access by agent (1)",
                            "API key changes (0)", "Integrity verification: verified")
                    .contains(report.header().reportId().toString());
            assertThat(text.replaceAll("\\s", "")).contains(SampleReports.ROOT_HEX);
        }
    }

    @Test
    void tableHeadersRepeatOnEveryPageATableSpans() throws IOException {
        ComplianceReport report = SampleReports.manyDenials(300);

        try (PDDocument pdf = Loader.loadPDF(render(report).toByteArray())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(3);
            stripper.setEndPage(3);

            assertThat(stripper.getText(pdf)).contains("Reason").contains("Rule");
        }
    }

    @Test
    void showsCheckResultsAndTheSampleSections() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(render(SampleReports.everySection()).toByteArray())) {
            String text = new PDFTextStripper().getText(pdf);

            assertThat(text).contains("PASS", "FAIL", "every policy change attributed to an actor")
                    .contains("guardrails", "operator", "no rule allows it");
        }
    }

    @Test
    void charactersOutsideWinAnsiRenderAsQuestionMarks() throws IOException {
        UUID agent = UUID.randomUUID();
        Trail trail = new Trail().agentCreated(agent, "робот-🤖-代理")
                .denied(agent, "робот-🤖-代理", "agent.transition", "规则-1", "拒绝 \u0000\u202e 🚫 — zu früh")
                .apiKeyChanged(AuditEventType.API_KEY_ISSUED, "apikey:管理员", "k-1", "キー", "admin");
        ComplianceReport report = trail.report(ComplianceFrameworks.HIPAA);

        try (PDDocument pdf = Loader.loadPDF(render(report).toByteArray())) {
            String text = new PDFTextStripper().getText(pdf);

            assertThat(text).contains("?????-?-??").contains("zu früh").contains("apikey:???");
        }
    }

    @Test
    void aRootHashTooLongForItsColumnWrapsInsteadOfOverflowing() throws IOException {
        String sha512 = SampleReports.ROOT_HEX.repeat(2);
        ComplianceReport sample = SampleReports.everySection();
        IntegrityEvidence evidence = new IntegrityEvidence(true, 9, 1L, 9L, List.of(),
                List.of(new CheckpointRoot(9, sha512, Instant.parse("2026-11-30T23:00:00Z"), "audit-key-3")));
        ComplianceReport report = new ComplianceReport(sample.header(), sample.summary(), sample.checks(),
                sample.denials(), sample.policyChanges(), sample.accessByAgent(), sample.apiKeyChanges(), evidence);

        try (PDDocument pdf = Loader.loadPDF(render(report).toByteArray())) {
            String text = new PDFTextStripper().getText(pdf);

            assertThat(text).doesNotContain(sha512);
            assertThat(text.replaceAll("\\s", "")).contains(sha512);
        }
    }

    @Test
    void saysHowManyRowsACappedSectionLeftOut() throws IOException {
        Trail trail = new Trail();
        for (int i = 0; i < 5; i++) {
            trail.denied(SampleReports.INVOICES, "invoices", "agent.transition", "r", "reason " + i);
        }
        ComplianceReport report = trail.report(ComplianceFrameworks.HIPAA, 2, trail.verified());

        try (PDDocument pdf = Loader.loadPDF(render(report).toByteArray())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Denials (5)", "reason 1")
                    .doesNotContain("reason 2").contains("Truncated: 3 more denials not listed");
        }
    }

    @Test
    void leavesTheCallersStreamOpen() throws IOException {
        StreamSpy out = render(SampleReports.everySection());

        assertThat(out.closed()).isFalse();
        assertThat(out.toByteArray()).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
    }

    private static StreamSpy render(ComplianceReport report) throws IOException {
        StreamSpy out = new StreamSpy();
        new PdfReportRenderer().render(report, out);
        return out;
    }
}
