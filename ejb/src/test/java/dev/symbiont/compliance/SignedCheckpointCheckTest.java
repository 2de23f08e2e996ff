package dev.symbiont.compliance;

import static dev.symbiont.audit.AuditEventType.POLICY_DECISION;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SignedCheckpointCheckTest {

    private static final UUID AGENT = CheckFixtures.AGENT;

    private final ComplianceFramework framework = CheckFixtures.framework(new SignedCheckpointCheck("SOX 802"),
            POLICY_DECISION);

    @Test
    void passesNamingTheLatestCheckpoint() {
        Trail trail = new Trail().allowed(AGENT, "a", "x");

        CheckResult result = CheckFixtures.only(trail.report(framework));

        assertThat(result.passed()).isTrue();
        assertThat(result.detail()).startsWith("1 signed checkpoint; latest: tree size 1 at ")
                .endsWith(", key audit-key-1");
    }

    @Test
    void failsWithoutACheckpoint() {
        Trail trail = new Trail().allowed(AGENT, "a", "x");
        IntegrityEvidence chainOnly = new IntegrityEvidence(true, 1, 1L, 1L, List.of(), List.of());

        assertThat(CheckFixtures.only(trail.report(framework, 100, chainOnly)).passed()).isFalse();
    }
}
