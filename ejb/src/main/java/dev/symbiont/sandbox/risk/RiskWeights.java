package dev.symbiont.sandbox.risk;

import dev.symbiont.agent.DataSensitivity;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What each factor adds to the risk score, and the score from which code runs in Tier 2. The score is the sum of
 * the contributions, capped at 1. The defaults follow the seed's intent: restricted data or untrusted code with any
 * further exposure reaches the threshold; public data and trusted code without network stays in Tier 1.
 */
public record RiskWeights(Map<DataSensitivity, Double> dataSensitivity, double untrustedCode, double networkAccess,
                          double filesystemAccess, double externalIntegrations, double tier2Threshold) {

    public static final RiskWeights DEFAULTS = new RiskWeights(Map.of(DataSensitivity.PUBLIC, 0.0,
            DataSensitivity.INTERNAL, 0.1, DataSensitivity.CONFIDENTIAL, 0.25, DataSensitivity.RESTRICTED, 0.4),
            0.3, 0.2, 0.1, 0.15, 0.5);

    public RiskWeights {
        Objects.requireNonNull(dataSensitivity, "dataSensitivity");
        var complete = new EnumMap<DataSensitivity, Double>(DataSensitivity.class);
        for (DataSensitivity level : DataSensitivity.values()) {
            Double weight = dataSensitivity.get(level);
            if (weight == null) {
                throw new IllegalArgumentException("no risk weight for data sensitivity " + level);
            }
            complete.put(level, requireWeight("data sensitivity " + level, weight));
        }
        dataSensitivity = Map.copyOf(complete);
        requireWeight("untrusted code", untrustedCode);
        requireWeight("network access", networkAccess);
        requireWeight("filesystem access", filesystemAccess);
        requireWeight("external integrations", externalIntegrations);
        if (!(tier2Threshold > 0 && tier2Threshold <= 1)) {
            throw new IllegalArgumentException("the Tier 2 threshold must be in (0, 1], was " + tier2Threshold);
        }
    }

    private static double requireWeight(String what, double weight) {
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("the risk weight of " + what + " must be in [0, 1], was " + weight);
        }
        return weight;
    }
}
