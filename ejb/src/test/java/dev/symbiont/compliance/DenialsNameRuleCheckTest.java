package dev.symbiont.compliance;

import static dev.symbiont.audit.AuditEventType.POLICY_DECISION;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class DenialsNameRuleCheckTest {

    private static final UUID AGENT = CheckFixtures.AGENT;

    private final ComplianceFramework framework = CheckFixtures.framework(new DenialsNameRuleCheck("164.312(a)(1)"),
            POLICY_DECISION);

    @Test
    void passesWhenEveryDenialNamesItsRule() {
        Trail trail = new Trail().denied(AGENT, "a", "agent.transition", "no-nights", "not at night")
                .allowed(AGENT, "a", "agent.transition");

        CheckResult result = CheckFixtures.only(trail.report(framework));

        assertThat(result.passed()).isTrue();
        assertThat(result.detail()).isEqualTo("the 1 denial names the rule that denied");
    }

    @Test
    void failsListingTheSeqsOfDenialsWithoutARule() {
        Trail trail = new Trail();
        for (int i = 1; i <= 1_204; i++) {
            boolean unnamed = i == 17 || i == 88 || i == 90;
            trail.denied(AGENT, "a", "agent.create", unnamed ? null : "r", unnamed ? "default deny" : "rule");
        }

        CheckResult result = CheckFixtures.only(trail.report(framework));

        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).isEqualTo("3 of 1,204 denials have no rule: seq 17, 88, 90");
    }

    @Test
    void keepsTwentyExampleSeqsAndCountsTheRest() {
        Trail trail = new Trail();
        for (int i = 0; i < 25; i++) {
            trail.denied(AGENT, "a", "agent.create", " ", "blank rule id");
        }

        assertThat(CheckFixtures.only(trail.report(framework)).detail())
                .endsWith("seq 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 and 5 more");
    }

    @Test
    void passesWhenThereAreNoDenials() {
        CheckResult result = CheckFixtures.only(new Trail().allowed(AGENT, "a", "x").report(framework));

        assertThat(result.passed()).isTrue();
        assertThat(result.detail()).isEqualTo("no denials in the period");
    }
}
