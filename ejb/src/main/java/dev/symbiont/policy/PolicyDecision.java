package dev.symbiont.policy;

import java.util.List;

/** The answer to "may this subject do this action on this resource?" (the seed's PolicyDecision). */
public sealed interface PolicyDecision {

    boolean permits();

    /** The action may proceed. */
    record Allow() implements PolicyDecision {
        public boolean permits() { return true; }
    }

    /** The action must not proceed; {@code ruleId} is absent when no rule allowed it (default deny). */
    record Deny(String reason, String ruleId) implements PolicyDecision {
        public boolean permits() { return false; }
    }

    /** The action may proceed only if the enforcement point honours every condition. */
    record AllowWithConditions(List<PolicyCondition> conditions) implements PolicyDecision {
        public AllowWithConditions {
            conditions = List.copyOf(conditions);
        }
        public boolean permits() { return true; }
    }

    PolicyDecision ALLOW = new Allow();
    PolicyDecision DEFAULT_DENY = new Deny("no policy rule allows this action", null);
}
