package dev.symbiont.policy.engine;

import dev.symbiont.policy.Effect;
import dev.symbiont.policy.PolicyDecision;
import java.util.List;

/** A decision with the candidate rules the engine looked at, and for each whether and why it matched. */
public record Explanation(PolicyDecision decision, List<RuleEvaluation> rules) {

    public Explanation {
        rules = List.copyOf(rules);
    }

    public record RuleEvaluation(String policyId, String ruleId, Effect effect, boolean matched, String why) {
    }

    public List<RuleEvaluation> matched() {
        return rules.stream().filter(RuleEvaluation::matched).toList();
    }
}
