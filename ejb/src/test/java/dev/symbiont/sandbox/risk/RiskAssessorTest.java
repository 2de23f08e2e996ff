package dev.symbiont.sandbox.risk;

import static dev.symbiont.agent.DataSensitivity.CONFIDENTIAL;
import static dev.symbiont.agent.DataSensitivity.INTERNAL;
import static dev.symbiont.agent.DataSensitivity.PUBLIC;
import static dev.symbiont.agent.DataSensitivity.RESTRICTED;
import static dev.symbiont.agent.SandboxTierPreference.TIER1;
import static dev.symbiont.agent.SandboxTierPreference.TIER2;
import static dev.symbiont.sandbox.risk.CodeTrust.TRUSTED;
import static dev.symbiont.sandbox.risk.CodeTrust.UNTRUSTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symbiont.agent.DataSensitivity;
import dev.symbiont.agent.SandboxTierPreference;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class RiskAssessorTest {

    private final RiskAssessor defaults = new RiskAssessor(RiskWeights.DEFAULTS);

    /** The default weights, row by row: what a reader of the README's table should expect. */
    static Stream<Arguments> defaultTable() {
        return Stream.of(
                Arguments.of(PUBLIC, TRUSTED, false, false, false, 0.0, TIER1),
                Arguments.of(INTERNAL, TRUSTED, false, false, false, 0.1, TIER1),
                Arguments.of(INTERNAL, TRUSTED, true, true, true, 0.55, TIER2),
                Arguments.of(CONFIDENTIAL, TRUSTED, true, false, false, 0.45, TIER1),
                Arguments.of(CONFIDENTIAL, TRUSTED, true, false, true, 0.6, TIER2),
                Arguments.of(RESTRICTED, TRUSTED, false, false, false, 0.4, TIER1),
                Arguments.of(RESTRICTED, TRUSTED, false, true, false, 0.5, TIER2),
                Arguments.of(PUBLIC, UNTRUSTED, false, false, false, 0.3, TIER1),
                Arguments.of(INTERNAL, UNTRUSTED, true, false, false, 0.6, TIER2),
                Arguments.of(PUBLIC, UNTRUSTED, false, true, false, 0.4, TIER1),
                Arguments.of(RESTRICTED, UNTRUSTED, true, true, true, 1.0, TIER2));
    }

    @ParameterizedTest
    @MethodSource("defaultTable")
    void defaultWeightsScoreAndTier(DataSensitivity data, CodeTrust trust, boolean network, boolean filesystem,
                                    boolean external, double score, SandboxTierPreference tier) {
        RiskAssessment assessment = defaults.assess(new RiskFactors(data, trust, network, filesystem, external));

        assertThat(assessment.score()).isEqualTo(score);
        assertThat(assessment.tier()).isEqualTo(tier);
        assertThat(assessment.score()).isCloseTo(Math.min(1.0, assessment.contributions().values().stream()
                .mapToDouble(Double::doubleValue).sum()), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theScoreIsExplainedFactorByFactor() {
        RiskAssessment assessment = defaults.assess(new RiskFactors(CONFIDENTIAL, UNTRUSTED, true, false, false));

        assertThat(assessment.contributions()).containsExactly(Map.entry("data_sensitivity", 0.25),
                Map.entry("code_trust", 0.3), Map.entry("network_access", 0.2), Map.entry("filesystem_access", 0.0),
                Map.entry("external_integrations", 0.0));
    }

    @Test
    void configuredWeightsAndThresholdDecide() {
        var strict = new RiskAssessor(new RiskWeights(Map.of(PUBLIC, 0.0, INTERNAL, 0.0, CONFIDENTIAL, 0.0,
                RESTRICTED, 0.0), 0.0, 0.05, 0.0, 0.0, 0.05));

        assertThat(strict.assess(new RiskFactors(RESTRICTED, UNTRUSTED, false, true, true)).tier()).isEqualTo(TIER1);
        assertThat(strict.assess(new RiskFactors(PUBLIC, TRUSTED, true, false, false)).tier()).isEqualTo(TIER2);
    }

    @Test
    void weightsOutOfRangeOrIncompleteAreRefused() {
        assertThatThrownBy(() -> new RiskWeights(Map.of(PUBLIC, 0.0), 0.3, 0.2, 0.1, 0.15, 0.5))
                .hasMessageContaining("INTERNAL");
        assertThatThrownBy(() -> new RiskWeights(RiskWeights.DEFAULTS.dataSensitivity(), 1.5, 0.2, 0.1, 0.15, 0.5))
                .hasMessageContaining("untrusted code");
        assertThatThrownBy(() -> new RiskWeights(RiskWeights.DEFAULTS.dataSensitivity(), 0.3, 0.2, 0.1, 0.15, 0))
                .hasMessageContaining("threshold");
        assertThatThrownBy(() -> new RiskWeights(RiskWeights.DEFAULTS.dataSensitivity(), 0.3, Double.NaN, 0.1, 0.15,
                0.5)).hasMessageContaining("network access");
    }
}
