package dev.symbiont.compliance;

import static dev.symbiont.audit.AuditEventType.AGENT_CREATED;
import static dev.symbiont.audit.AuditEventType.AGENT_REDEFINED;
import static dev.symbiont.audit.AuditEventType.AGENT_TERMINATED;
import static dev.symbiont.audit.AuditEventType.AGENT_TRANSITIONED;
import static dev.symbiont.audit.AuditEventType.API_KEY_ISSUED;
import static dev.symbiont.audit.AuditEventType.API_KEY_REVOKED;
import static dev.symbiont.audit.AuditEventType.AUDIT_EXPORTED;
import static dev.symbiont.audit.AuditEventType.AUTHENTICATION_FAILED;
import static dev.symbiont.audit.AuditEventType.POLICY_CREATED;
import static dev.symbiont.audit.AuditEventType.POLICY_DECISION;
import static dev.symbiont.audit.AuditEventType.POLICY_DELETED;
import static dev.symbiont.audit.AuditEventType.POLICY_UPDATED;
import static dev.symbiont.audit.AuditEventType.SIGNING_KEY_ROTATED;

import dev.symbiont.audit.AuditEventType;
import java.util.EnumSet;
import java.util.List;

/**
 * HIPAA, GDPR and SOX: which events evidence each, and which clause each check supports. The clauses are the
 * ones an auditor maps the evidence to; a check does not make a system compliant, it documents one control.
 */
final class BuiltInFrameworks {

    private static final CheckSettings SETTINGS = CheckSettings.DEFAULTS;

    private BuiltInFrameworks() {
    }

    static ComplianceFramework hipaa() {
        return new ComplianceFramework("hipaa", "HIPAA Security Rule (45 CFR Part 164, Subpart C)",
                "Technical and administrative safeguards: audit controls, integrity, access control, log-in"
                        + " monitoring and access management for systems that touch ePHI",
                EnumSet.allOf(AuditEventType.class),
                List.of(new AuditTrailIntegrityCheck("45 CFR 164.312(b) audit controls; 164.312(c)(1) integrity"),
                        new DenialsNameRuleCheck("45 CFR 164.312(a)(1) access control"),
                        new FailedAuthenticationsCheck("45 CFR 164.308(a)(1)(ii)(D) information system activity"
                                + " review; 164.308(a)(5)(ii)(C) log-in monitoring",
                                SETTINGS.maxFailedAuthenticationsPerHour()),
                        new ChangesNotByRuntimeCheck("45 CFR 164.308(a)(4)(ii)(C) access establishment and"
                                + " modification")));
    }

    static ComplianceFramework gdpr() {
        return new ComplianceFramework("gdpr", "GDPR (Regulation (EU) 2016/679)",
                "Records of processing, security of processing, accountability and breach detection for agents"
                        + " that process personal data",
                EnumSet.of(AGENT_CREATED, AGENT_REDEFINED, AGENT_TRANSITIONED, AGENT_TERMINATED, POLICY_DECISION,
                        POLICY_CREATED, POLICY_UPDATED, POLICY_DELETED, API_KEY_ISSUED, API_KEY_REVOKED,
                        AUTHENTICATION_FAILED, AUDIT_EXPORTED),
                List.of(new AuditTrailIntegrityCheck("Art. 30 records of processing activities; Art. 5(2)"
                                + " accountability"),
                        new DenialsNameRuleCheck("Art. 32(1)(b) security of processing: confidentiality of"
                                + " processing systems"),
                        new PolicyChangesAttributedCheck("Art. 24(1) responsibility of the controller; Art. 5(2)"
                                + " accountability"),
                        new FailedAuthenticationsCheck("Art. 33 detection of personal data breaches; Art. 32(1)(d)"
                                + " evaluating security measures", SETTINGS.maxFailedAuthenticationsPerHour())));
    }

    static ComplianceFramework sox() {
        return new ComplianceFramework("sox", "Sarbanes-Oxley Act: IT general controls (Sections 404 and 802)",
                "Change management, logical access and integrity of the records behind financial reporting",
                EnumSet.of(AGENT_CREATED, AGENT_REDEFINED, AGENT_TERMINATED, POLICY_DECISION, POLICY_CREATED,
                        POLICY_UPDATED, POLICY_DELETED, API_KEY_ISSUED, API_KEY_REVOKED, AUTHENTICATION_FAILED,
                        SIGNING_KEY_ROTATED, AUDIT_EXPORTED),
                List.of(new AuditTrailIntegrityCheck("SOX 404 internal control over financial reporting: logging"),
                        new SignedCheckpointCheck("SOX 802 (18 U.S.C. 1519): records protected against alteration"),
                        new PolicyChangesAttributedCheck("SOX 404 ITGC change management: changes authorised and"
                                + " attributable"),
                        new ChangesNotByRuntimeCheck("SOX 404 ITGC change management and access to programs"),
                        new DenialsNameRuleCheck("SOX 404 ITGC logical access")));
    }
}
