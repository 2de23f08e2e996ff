package dev.symbiont.compliance;

import dev.symbiont.audit.AuditEventType;
import java.util.Set;

/**
 * Every denial names the rule that denied. A denial without one came from the default effect or from a condition
 * nobody could honour: legitimate, but an access decision no policy owner answers for, so it is shown.
 */
public record DenialsNameRuleCheck(String clause) implements ComplianceCheck {

    public static final String ID = "denials-name-rule";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "every denial names the rule that denied";
    }

    @Override
    public Set<AuditEventType> requiredEventTypes() {
        return Set.of(AuditEventType.POLICY_DECISION);
    }

    @Override
    public CheckResult evaluate(ComplianceFacts facts) {
        long denials = facts.summary().denyDecisions();
        Findings unnamed = facts.denialsWithoutRule();
        if (denials == 0) {
            return CheckResult.of(this, true, "no denials in the period");
        }
        if (unnamed.none()) {
            return CheckResult.of(this, true, Wording.all(denials, "denial names", "denials name")
                    + " the rule that denied");
        }
        return CheckResult.of(this, false, Wording.grouped(unnamed.count()) + " of "
                + Wording.plural(denials, "denial has", "denials have") + " no rule: " + unnamed.describeSeqs());
    }
}
