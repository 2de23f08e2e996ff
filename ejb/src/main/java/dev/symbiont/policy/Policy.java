package dev.symbiont.policy;

import java.util.List;

/** A named, reviewable set of rules: the unit that is registered, versioned and replaced. */
public record Policy(String id, String description, List<PolicyRule> rules) {

    public Policy {
        rules = List.copyOf(rules);
    }
}
