package dev.symbiont.policy.engine;

import dev.symbiont.policy.Effect;
import dev.symbiont.policy.PolicyContext;
import dev.symbiont.policy.PolicyDecision;
import dev.symbiont.policy.PolicyRule;

/**
 * A rule ready for evaluation: its decision built once, so allowing or denying allocates nothing per request.
 */
final class CompiledRule {

    final String policyId;
    final PolicyRule rule;
    final PolicyDecision decision;

    CompiledRule(String policyId, PolicyRule rule) {
        this.policyId = policyId;
        this.rule = rule;
        this.decision = switch (rule.effect()) {
            case ALLOW -> PolicyDecision.ALLOW;
            case DENY -> new PolicyDecision.Deny(rule.reason() != null ? rule.reason()
                    : "denied by rule " + policyId + "/" + rule.id(), policyId + "/" + rule.id());
            case ALLOW_WITH_CONDITIONS ->
                    new PolicyDecision.AllowWithConditions(ConditionMerger.canonical(rule.conditions()));
        };
    }

    boolean isDeny() {
        return rule.effect() == Effect.DENY;
    }

    boolean matches(PolicyContext context) {
        return rule.matches(context);
    }

    String qualifiedId() {
        return policyId + "/" + rule.id();
    }
}
