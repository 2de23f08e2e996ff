package dev.symbiont.compliance;

import static dev.symbiont.audit.AuditEventType.POLICY_CREATED;
import static dev.symbiont.audit.AuditEventType.POLICY_DELETED;
import static dev.symbiont.audit.AuditEventType.POLICY_UPDATED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolicyChangesAttributedCheckTest {

    private final ComplianceFramework framework = CheckFixtures.framework(new PolicyChangesAttributedCheck("SOX 404"),
            POLICY_CREATED, POLICY_UPDATED, POLICY_DELETED);

    @Test
    void passesWhenEveryChangeNamesItsActor() {
        Trail trail = new Trail().policyChanged(POLICY_CREATED, Trail.ADMIN, "p-1", "guardrails", 1)
                .policyChanged(POLICY_UPDATED, Trail.ADMIN, "p-1", "guardrails", 2);

        CheckResult result = CheckFixtures.only(trail.report(framework));

        assertThat(result.passed()).isTrue();
        assertThat(result.detail()).isEqualTo("all 2 policy changes name their actor");
    }

    @Test
    void failsListingChangesWithoutAnActor() {
        Trail trail = new Trail().policyChanged(POLICY_CREATED, null, "p-1", "baseline", 1)
                .policyChanged(POLICY_UPDATED, Trail.ADMIN, "p-1", "baseline", 2)
                .policyChanged(POLICY_DELETED, "", "p-1", "baseline", 3);

        CheckResult result = CheckFixtures.only(trail.report(framework));

        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).isEqualTo("2 of 3 policy changes name no actor: seq 1, 3");
    }
}
