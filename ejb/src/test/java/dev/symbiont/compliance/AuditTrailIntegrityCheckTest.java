package dev.symbiont.compliance;

import static dev.symbiont.audit.AuditEventType.POLICY_DECISION;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditTrailIntegrityCheckTest {

    private static final UUID AGENT = CheckFixtures.AGENT;

    private final ComplianceFramework framework = CheckFixtures.framework(new AuditTrailIntegrityCheck("164.312(b)"),
            POLICY_DECISION);

    @Test
    void passesWhenTheVerifiedRangeHoldsEveryEventOfThePeriod() {
        Trail trail = new Trail().allowed(AGENT, "a", "agent.transition").allowed(AGENT, "a", "agent.transition");

        CheckResult result = CheckFixtures.only(trail.report(framework));

        assertThat(result.passed()).isTrue();
        assertThat(result.clause()).isEqualTo("164.312(b)");
        assertThat(result.detail()).isEqualTo("hash chain verified over 2 events (seq 1-2), including every"
                + " event of the period");
    }

    @Test
    void failsWithTheVerifiersFirstFailuresWhenVerificationFailed() {
        Trail trail = new Trail().allowed(AGENT, "a", "agent.transition");
        IntegrityEvidence broken = new IntegrityEvidence(false, 1, 1L, 1L, List.of("seq 7: hash mismatch",
                "seq 8: previous hash mismatch", "seq 9: bad signature", "seq 10: bad signature"), List.of());

        CheckResult result = CheckFixtures.only(trail.report(framework, 100, broken));

        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).isEqualTo("verification failed: seq 7: hash mismatch; seq 8: previous hash"
                + " mismatch; seq 9: bad signature; and 1 more");
    }

    @Test
    void failsWhenSomeEventsOfThePeriodLieOutsideTheVerifiedRange() {
        Trail trail = new Trail().allowed(AGENT, "a", "x").allowed(AGENT, "a", "x").allowed(AGENT, "a", "x");
        IntegrityEvidence partial = new IntegrityEvidence(true, 2, 1L, 2L, List.of(), List.of());

        CheckResult result = CheckFixtures.only(trail.report(framework, 100, partial));

        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).startsWith("the period's events (seq 1-3) are not all inside the verified range");
    }

    @Test
    void passesOnAnEmptyPeriodWhenTheTrailVerified() {
        CheckResult result = CheckFixtures.only(new Trail().report(framework));

        assertThat(result.passed()).isTrue();
        assertThat(result.detail()).endsWith("the period has no events");
    }
}
