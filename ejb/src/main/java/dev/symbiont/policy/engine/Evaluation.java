package dev.symbiont.policy.engine;

import dev.symbiont.policy.PolicyDecision;
import java.util.List;

/** A decision with the ids (policy/rule) of every rule that matched: what enforcement points hand to the audit. */
public record Evaluation(PolicyDecision decision, List<String> matchedRules) {

    public Evaluation {
        matchedRules = List.copyOf(matchedRules);
    }
}
