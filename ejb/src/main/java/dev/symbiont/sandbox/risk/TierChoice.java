package dev.symbiont.sandbox.risk;

import dev.symbiont.agent.SandboxTierPreference;
import java.util.Objects;

/**
 * The tier an execution runs in, and why: the highest of what the risk score calls for, what the agent asks for,
 * and what policy requires. Nothing can lower the tier below the risk score's: neither the agent (it is the one
 * being contained) nor policy (a condition may only raise it).
 */
public record TierChoice(SandboxTierPreference tier, RiskAssessment assessment, String reason) {

    public TierChoice {
        Objects.requireNonNull(assessment, "assessment");
        if (tier == null || tier == SandboxTierPreference.AUTO) {
            throw new IllegalArgumentException("a choice names a tier");
        }
    }

    /**
     * @param requested    the agent's preference (AUTO: no preference)
     * @param policyMinimum the tier a policy condition requires (AUTO or null: none)
     */
    public static TierChoice of(RiskAssessment assessment, SandboxTierPreference requested,
                                SandboxTierPreference policyMinimum) {
        SandboxTierPreference tier = assessment.tier();
        String reason = "risk score " + assessment.score();
        if (requested != null && requested != SandboxTierPreference.AUTO && requested.compareTo(tier) > 0) {
            tier = requested;
            reason = "requested by the agent (risk score " + assessment.score() + ")";
        }
        if (policyMinimum != null && policyMinimum != SandboxTierPreference.AUTO && policyMinimum.compareTo(tier) > 0) {
            tier = policyMinimum;
            reason = "required by policy (risk score " + assessment.score() + ")";
        }
        return new TierChoice(tier, assessment, reason);
    }
}
