package dev.symbiont.execution;

import dev.symbiont.sandbox.SandboxLimits;
import dev.symbiont.sandbox.SecurityTier;
import java.util.Map;
import java.util.Objects;

/**
 * Where an execution ran and why: the tier, the risk score and what each factor contributed, the reason the tier
 * won (score, agent request or policy), whether network was granted, and the limits handed to the sandbox.
 */
public record TierPlacement(SecurityTier tier, double riskScore, Map<String, Double> riskContributions,
                            String reason, boolean networkGranted, SandboxLimits limits) {

    public TierPlacement {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(limits, "limits");
        riskContributions = Map.copyOf(riskContributions);
    }
}
