package dev.symbiont.compliance;

import java.util.List;

/** A compliance report, ready to render: the same content whatever the format. */
public record ComplianceReport(ReportHeader header, ReportSummary summary, List<CheckResult> checks,
                               ReportSection<DenialRow> denials, ReportSection<PolicyChangeRow> policyChanges,
                               ReportSection<AgentAccess> accessByAgent, ReportSection<ApiKeyChangeRow> apiKeyChanges,
                               IntegrityEvidence integrity) {

    public ComplianceReport {
        checks = List.copyOf(checks);
    }

    public boolean allChecksPassed() {
        return checks.stream().allMatch(CheckResult::passed);
    }
}
