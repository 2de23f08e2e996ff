package dev.symbiont.compliance;

/**
 * Everything the checks judge, gathered in one pass over the period. {@code firstSeq}/{@code lastSeq} bound the
 * report's events and are null when the period had none.
 */
public record ComplianceFacts(ReportSummary summary, Long firstSeq, Long lastSeq, Findings denialsWithoutRule,
                              Findings policyChangesWithoutActor, Findings changesByRuntime,
                              HourlyPeak failedAuthenticationPeak, IntegrityEvidence integrity) {

    public boolean hasEvents() {
        return firstSeq != null;
    }
}
