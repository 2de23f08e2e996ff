package dev.symbiont.sandbox.risk;

import dev.symbiont.agent.SandboxTierPreference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** {@code assess_security_tier} of the seed as a pure function of the factors and configured weights. */
public final class RiskAssessor {

    private final RiskWeights weights;

    public RiskAssessor(RiskWeights weights) {
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    public RiskWeights weights() {
        return weights;
    }

    public RiskAssessment assess(RiskFactors factors) {
        Map<String, Double> contributions = new LinkedHashMap<>();
        contributions.put("data_sensitivity", weights.dataSensitivity().get(factors.dataSensitivity()));
        contributions.put("code_trust", factors.codeTrust() == CodeTrust.UNTRUSTED ? weights.untrustedCode() : 0.0);
        contributions.put("network_access", factors.networkAccess() ? weights.networkAccess() : 0.0);
        contributions.put("filesystem_access", factors.filesystemAccess() ? weights.filesystemAccess() : 0.0);
        contributions.put("external_integrations",
                factors.externalIntegrations() ? weights.externalIntegrations() : 0.0);
        double sum = contributions.values().stream().mapToDouble(Double::doubleValue).sum();
        // rounded to 1e-9 so that 0.1 + 0.2 + 0.2 meets a 0.5 threshold as a reader of the weights expects
        double score = Math.min(1.0, Math.round(sum * 1e9) / 1e9);
        SandboxTierPreference tier = score < weights.tier2Threshold() ? SandboxTierPreference.TIER1
                : SandboxTierPreference.TIER2;
        return new RiskAssessment(factors, score, contributions, tier);
    }
}
