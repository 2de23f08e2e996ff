package dev.symbiont.compliance.render;

import dev.symbiont.audit.AuditEventType;
import dev.symbiont.compliance.CheckpointRoot;
import dev.symbiont.compliance.ComplianceFrameworks;
import dev.symbiont.compliance.ComplianceReport;
import dev.symbiont.compliance.IntegrityEvidence;
import dev.symbiont.compliance.Trail;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reports for renderer tests, built by the real builder from crafted trails. */
final class SampleReports {

    static final UUID INVOICES = UUID.fromString("0195f3a0-0000-7000-8000-00000000a001");
    static final String ROOT_HEX = "4f1c2a9be07d3c5581f6a2b49d0e7c13a5b8f2e6d9c04b71e3a6f58d2c1b0e97";
    static final String HOSTILE = "=cmd|' /C calc'!A0, \"quoted\"\r\nand a second line";

    private SampleReports() {
    }

    /** Every section filled, one denial by a hostile agent name and reason, two checkpoints. */
    static ComplianceReport everySection() {
        Trail trail = new Trail().agentCreated(INVOICES, "invoice-summarizer")
                .allowed(INVOICES, "invoice-summarizer", "agent.transition")
                .conditional(INVOICES, "invoice-summarizer", "tool.invoke")
                .denied(INVOICES, HOSTILE, "agent.transition", "no-nights", "+SUM(A1:A9)")
                .denied(null, "new-agent", "agent.create", null, "no rule allows it")
                .authenticationFailed()
                .policyChanged(AuditEventType.POLICY_CREATED, Trail.ADMIN, "p-1", "guardrails", 1)
                .policyChanged(AuditEventType.POLICY_UPDATED, null, "p-1", "guardrails", 2)
                .apiKeyChanged(AuditEventType.API_KEY_ISSUED, Trail.ADMIN, "k-1", "ci", "operator");
        return trail.report(ComplianceFrameworks.SOX, 10_000, evidence(trail.lastSeq()));
    }

    /** {@code denials} denials with distinct reasons under HIPAA, for pagination. */
    static ComplianceReport manyDenials(int denials) {
        Trail trail = new Trail();
        for (int i = 0; i < denials; i++) {
            trail.denied(INVOICES, "invoice-summarizer", "agent.transition", "rule-" + (i % 7),
                    "denial reason number " + i + " because the agent asked for too much memory");
        }
        return trail.report(ComplianceFrameworks.HIPAA, 10_000, evidence(trail.lastSeq()));
    }

    static IntegrityEvidence evidence(long lastSeq) {
        return new IntegrityEvidence(true, lastSeq, 1L, lastSeq, List.of(), List.of(
                new CheckpointRoot(lastSeq / 2, "0".repeat(64), Instant.parse("2026-11-15T00:00:00Z"), "audit-key-1"),
                new CheckpointRoot(lastSeq, ROOT_HEX, Instant.parse("2026-11-30T23:00:00Z"), "audit-key-2")));
    }
}
