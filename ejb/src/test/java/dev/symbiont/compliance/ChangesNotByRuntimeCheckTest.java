package dev.symbiont.compliance;

import static dev.symbiont.audit.AuditEventType.API_KEY_ISSUED;
import static dev.symbiont.audit.AuditEventType.API_KEY_REVOKED;
import static dev.symbiont.audit.AuditEventType.POLICY_CREATED;
import static dev.symbiont.audit.AuditEventType.POLICY_DELETED;
import static dev.symbiont.audit.AuditEventType.POLICY_UPDATED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangesNotByRuntimeCheckTest {

    private final ComplianceFramework framework = CheckFixtures.framework(new ChangesNotByRuntimeCheck("164.308(a)(4)"),
            POLICY_CREATED, POLICY_UPDATED, POLICY_DELETED, API_KEY_ISSUED, API_KEY_REVOKED);

    @Test
    void passesWhenAuthenticatedCallersMadeEveryChange() {
        Trail trail = new Trail().apiKeyChanged(API_KEY_ISSUED, Trail.ADMIN, "k1", "ci", "operator")
                .policyChanged(POLICY_CREATED, Trail.ADMIN, "p-1", "guardrails", 1);

        assertThat(CheckFixtures.only(trail.report(framework)).passed()).isTrue();
    }

    @Test
    void failsOnTheBootstrapKeyIssuedByTheRuntime() {
        Trail trail = new Trail().apiKeyChanged(API_KEY_ISSUED, null, "k0", "initial-admin", "admin")
                .apiKeyChanged(API_KEY_REVOKED, Trail.ADMIN, "k0", "initial-admin", "admin")
                .policyChanged(POLICY_CREATED, Trail.ADMIN, "p-1", "guardrails", 1);

        CheckResult result = CheckFixtures.only(trail.report(framework));

        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).isEqualTo("1 of 3 policy and API key changes were made by the runtime"
                + " itself: seq 1");
    }
}
