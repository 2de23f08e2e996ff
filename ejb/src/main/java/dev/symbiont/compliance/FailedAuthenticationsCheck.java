package dev.symbiont.compliance;

import dev.symbiont.audit.AuditEventType;
import java.util.Set;

/**
 * Failed authentications stay at or below a ceiling in every clock hour: a burst above it is what password (here:
 * key) guessing looks like, and log-in monitoring means someone is told.
 */
public record FailedAuthenticationsCheck(String clause, int maxPerHour) implements ComplianceCheck {

    public static final String ID = "failed-authentications-below-threshold";

    public FailedAuthenticationsCheck {
        if (maxPerHour < 0) {
            throw new IllegalArgumentException("the hourly ceiling of failed authentications must not be negative");
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "failed authentications below threshold (at most " + maxPerHour + " in any hour)";
    }

    @Override
    public Set<AuditEventType> requiredEventTypes() {
        return Set.of(AuditEventType.AUTHENTICATION_FAILED);
    }

    @Override
    public CheckResult evaluate(ComplianceFacts facts) {
        long total = facts.summary().failedAuthentications();
        HourlyPeak peak = facts.failedAuthenticationPeak();
        if (total == 0) {
            return CheckResult.of(this, true, "no failed authentications in the period");
        }
        boolean passed = peak.count() <= maxPerHour;
        return CheckResult.of(this, passed, Wording.plural(total, "failed authentication", "failed authentications")
                + "; peak " + Wording.grouped(peak.count()) + " in the hour from " + peak.hourStart()
                + (passed ? ", within" : ", above") + " the threshold of " + maxPerHour + " per hour");
    }
}
