package dev.symbiont.sandbox.risk;

import dev.symbiont.agent.SandboxTierPreference;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The score of one set of factors, what each factor contributed (so the record explains itself), and the tier the
 * score alone calls for.
 */
public record RiskAssessment(RiskFactors factors, double score, Map<String, Double> contributions,
                             SandboxTierPreference tier) {

    public RiskAssessment {
        contributions = Collections.unmodifiableMap(new LinkedHashMap<>(contributions));
        if (tier == SandboxTierPreference.AUTO) {
            throw new IllegalArgumentException("an assessment names a tier, not AUTO");
        }
    }
}
