package dev.symbiont.compliance;

import dev.symbiont.audit.AuditEventType;
import java.util.Set;

/** Every policy created, replaced or deleted names who did it: change management needs an accountable person. */
public record PolicyChangesAttributedCheck(String clause) implements ComplianceCheck {

    public static final String ID = "policy-changes-attributed";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "every policy change attributed to an actor";
    }

    @Override
    public Set<AuditEventType> requiredEventTypes() {
        return Set.of(AuditEventType.POLICY_CREATED, AuditEventType.POLICY_UPDATED, AuditEventType.POLICY_DELETED);
    }

    @Override
    public CheckResult evaluate(ComplianceFacts facts) {
        long changes = facts.summary().policyChanges();
        Findings anonymous = facts.policyChangesWithoutActor();
        if (changes == 0) {
            return CheckResult.of(this, true, "no policy changes in the period");
        }
        if (anonymous.none()) {
            return CheckResult.of(this, true, Wording.all(changes, "policy change names its actor",
                    "policy changes name their actor"));
        }
        return CheckResult.of(this, false, Wording.grouped(anonymous.count()) + " of "
                + Wording.plural(changes, "policy change names", "policy changes name") + " no actor: "
                + anonymous.describeSeqs());
    }
}
