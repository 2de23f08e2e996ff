package dev.symbiont.policy;

import dev.symbiont.agent.DataSensitivity;
import dev.symbiont.agent.SandboxTierPreference;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builders for rules and contexts in policy tests. */
public final class Rules {

    private Rules() {
    }

    public static PolicyRule rule(String id, Effect effect, PolicyAction action, SubjectMatcher subject,
                                  PolicyCondition... conditions) {
        return new PolicyRule(id, null, effect, EnumSet.of(action), subject, List.of(), List.of(),
                List.of(conditions), effect == Effect.DENY ? "denied by " + id : null);
    }

    public static PolicyRule allow(String id, PolicyAction action) {
        return rule(id, Effect.ALLOW, action, SubjectMatcher.ANY);
    }

    public static PolicyRule deny(String id, PolicyAction action) {
        return rule(id, Effect.DENY, action, SubjectMatcher.ANY);
    }

    public static PolicyRule conditional(String id, PolicyAction action, PolicyCondition... conditions) {
        return rule(id, Effect.ALLOW_WITH_CONDITIONS, action, SubjectMatcher.ANY, conditions);
    }

    public static SubjectMatcher sensitivity(DataSensitivity... values) {
        return new SubjectMatcher(Set.of(), List.of(), Set.of(), Set.of(), EnumSet.noneOf(SandboxTierPreference.class),
                Set.of(values));
    }

    public static PolicyContext context(String name, DataSensitivity sensitivity) {
        return new PolicyContext("id-" + name, name, Set.of("summarize"), "operator", SandboxTierPreference.AUTO,
                sensitivity, "agents/" + name, Map.of("resource_limits.memory_mb", 512));
    }

    public static Policy policy(String id, PolicyRule... rules) {
        return new Policy(id, null, List.of(rules));
    }
}
