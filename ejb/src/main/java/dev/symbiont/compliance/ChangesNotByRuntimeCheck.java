package dev.symbiont.compliance;

import dev.symbiont.audit.AuditEventType;
import java.util.Set;

/**
 * Policy and API key changes come from an authenticated caller, not from the runtime acting on its own (the
 * bootstrap admin key, a policy loaded at start). Those may be legitimate, but each needs an explanation on file.
 */
public record ChangesNotByRuntimeCheck(String clause) implements ComplianceCheck {

    public static final String ID = "changes-not-by-runtime";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "policy and API key changes not made by the runtime itself";
    }

    @Override
    public Set<AuditEventType> requiredEventTypes() {
        return Set.of(AuditEventType.POLICY_CREATED, AuditEventType.POLICY_UPDATED, AuditEventType.POLICY_DELETED,
                AuditEventType.API_KEY_ISSUED, AuditEventType.API_KEY_REVOKED);
    }

    @Override
    public CheckResult evaluate(ComplianceFacts facts) {
        long changes = facts.summary().policyChanges() + facts.summary().apiKeyChanges();
        Findings byRuntime = facts.changesByRuntime();
        if (changes == 0) {
            return CheckResult.of(this, true, "no policy or API key changes in the period");
        }
        if (byRuntime.none()) {
            return CheckResult.of(this, true, Wording.all(changes, "policy or API key change was",
                    "policy and API key changes were") + " made by an authenticated caller");
        }
        return CheckResult.of(this, false, Wording.grouped(byRuntime.count()) + " of "
                + Wording.plural(changes, "policy or API key change was", "policy and API key changes were")
                + " made by the runtime itself: " + byRuntime.describeSeqs());
    }
}
