package dev.symbiont.sandbox.risk;

import static dev.symbiont.agent.SandboxTierPreference.AUTO;
import static dev.symbiont.agent.SandboxTierPreference.TIER1;
import static dev.symbiont.agent.SandboxTierPreference.TIER2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.agent.DataSensitivity;
import org.junit.jupiter.api.Test;

class TierChoiceTest {

    private final RiskAssessment low = new RiskAssessor(RiskWeights.DEFAULTS)
            .assess(new RiskFactors(DataSensitivity.PUBLIC, CodeTrust.TRUSTED, false, false, false));
    private final RiskAssessment high = new RiskAssessor(RiskWeights.DEFAULTS)
            .assess(new RiskFactors(DataSensitivity.RESTRICTED, CodeTrust.UNTRUSTED, true, false, false));

    @Test
    void aPolicyForcingTier2WinsOverALowScore() {
        TierChoice choice = TierChoice.of(low, AUTO, TIER2);

        assertThat(choice.tier()).isEqualTo(TIER2);
        assertThat(choice.reason()).startsWith("required by policy");
    }

    @Test
    void neitherPolicyNorTheAgentCanLowerWhatTheScoreCallsFor() {
        assertThat(TierChoice.of(high, TIER1, TIER1).tier()).isEqualTo(TIER2);
        assertThat(TierChoice.of(high, TIER1, TIER1).reason()).startsWith("risk score");
    }

    @Test
    void theAgentMayAskForMoreIsolation() {
        assertThat(TierChoice.of(low, TIER2, AUTO).tier()).isEqualTo(TIER2);
        assertThat(TierChoice.of(low, TIER2, null).reason()).startsWith("requested by the agent");
    }

    @Test
    void withoutPreferencesTheScoreDecides() {
        assertThat(TierChoice.of(low, AUTO, AUTO).tier()).isEqualTo(TIER1);
        assertThat(TierChoice.of(high, AUTO, null).tier()).isEqualTo(TIER2);
    }
}
