package dev.symbiont.compliance;

import java.util.List;

/** The check catalog by id: what configuration may name in a custom framework's {@code checks}. */
public final class ComplianceChecks {

    private static final List<String> IDS = List.of(AuditTrailIntegrityCheck.ID, SignedCheckpointCheck.ID,
            DenialsNameRuleCheck.ID, FailedAuthenticationsCheck.ID, PolicyChangesAttributedCheck.ID,
            ChangesNotByRuntimeCheck.ID);

    private ComplianceChecks() {
    }

    public static List<String> ids() {
        return IDS;
    }

    /** The check with this id, citing {@code clause}; an unknown id is a configuration error. */
    public static ComplianceCheck create(String id, String clause, CheckSettings settings) {
        return switch (id) {
            case AuditTrailIntegrityCheck.ID -> new AuditTrailIntegrityCheck(clause);
            case SignedCheckpointCheck.ID -> new SignedCheckpointCheck(clause);
            case DenialsNameRuleCheck.ID -> new DenialsNameRuleCheck(clause);
            case FailedAuthenticationsCheck.ID ->
                    new FailedAuthenticationsCheck(clause, settings.maxFailedAuthenticationsPerHour());
            case PolicyChangesAttributedCheck.ID -> new PolicyChangesAttributedCheck(clause);
            case ChangesNotByRuntimeCheck.ID -> new ChangesNotByRuntimeCheck(clause);
            default -> throw new IllegalArgumentException("unknown compliance check '" + id + "'; known: "
                    + String.join(", ", IDS));
        };
    }
}
