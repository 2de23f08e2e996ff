package dev.symbiont.compliance;

import dev.symbiont.audit.AuditEventType;
import java.util.Set;

/**
 * One control a framework asks the trail to evidence. The catalog is closed (see {@link ComplianceChecks}) because
 * every check needs facts the report builder gathers; {@code clause} is the regulation clause the check supports in
 * the framework that lists it, so one check can serve HIPAA and SOX under their own citations.
 */
public sealed interface ComplianceCheck permits AuditTrailIntegrityCheck, SignedCheckpointCheck,
        DenialsNameRuleCheck, FailedAuthenticationsCheck, PolicyChangesAttributedCheck, ChangesNotByRuntimeCheck {

    String id();

    String title();

    String clause();

    /** Event types the check judges: a framework listing the check must collect them, or it would pass vacuously. */
    Set<AuditEventType> requiredEventTypes();

    CheckResult evaluate(ComplianceFacts facts);
}
