package dev.symbiont.compliance;

import dev.symbiont.audit.AuditEventType;
import java.util.Set;

/** The hash chain and its signatures verified, over a range that holds every event of the report. */
public record AuditTrailIntegrityCheck(String clause) implements ComplianceCheck {

    public static final String ID = "audit-trail-integrity";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "audit trail integrity verified";
    }

    @Override
    public Set<AuditEventType> requiredEventTypes() {
        return Set.of();
    }

    @Override
    public CheckResult evaluate(ComplianceFacts facts) {
        IntegrityEvidence evidence = facts.integrity();
        if (!evidence.verified()) {
            return CheckResult.of(this, false, "verification failed: " + (evidence.failures().isEmpty()
                    ? "no reason given" : Wording.firstFailures(evidence.failures())));
        }
        String verified = "hash chain verified over " + Wording.plural(evidence.eventsVerified(), "event", "events")
                + (evidence.firstSeq() == null ? "" : " (seq " + evidence.firstSeq() + "-" + evidence.lastSeq() + ")");
        if (!facts.hasEvents()) {
            return CheckResult.of(this, true, verified + "; the period has no events");
        }
        if (!evidence.covers(facts.firstSeq(), facts.lastSeq())) {
            return CheckResult.of(this, false, "the period's events (seq " + facts.firstSeq() + "-" + facts.lastSeq()
                    + ") are not all inside the verified range: " + verified);
        }
        return CheckResult.of(this, true, verified + ", including every event of the period");
    }
}
