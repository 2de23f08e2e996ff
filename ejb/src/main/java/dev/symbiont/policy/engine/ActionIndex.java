package dev.symbiont.policy.engine;

import dev.symbiont.policy.NamePattern;
import dev.symbiont.policy.PolicyContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of one action, split so that a decision looks only at candidates: rules tied to specific agent ids,
 * rules tied to exact agent names, and the rest. Within each group deny rules come first, so a deny ends the
 * search early (deny overrides, whatever the order).
 */
final class ActionIndex {

    private static final CompiledRule[] NONE = new CompiledRule[0];
    private static final Comparator<CompiledRule> DENY_FIRST = Comparator.comparing(r -> !r.isDeny());

    private final Map<String, CompiledRule[]> byAgentId;
    private final Map<String, CompiledRule[]> byAgentName;
    private final CompiledRule[] general;

    ActionIndex(List<CompiledRule> rules) {
        Map<String, List<CompiledRule>> ids = new HashMap<>();
        Map<String, List<CompiledRule>> names = new HashMap<>();
        List<CompiledRule> rest = new ArrayList<>();
        for (CompiledRule r : rules) {
            var subject = r.rule.subject();
            if (!subject.agentIds().isEmpty()) {
                subject.agentIds().forEach(id -> ids.computeIfAbsent(id, k -> new ArrayList<>()).add(r));
            } else if (!subject.agentNames().isEmpty() && allExact(subject.agentNames())) {
                subject.agentNames().forEach(n -> names.computeIfAbsent(n.exactName(), k -> new ArrayList<>()).add(r));
            } else {
                rest.add(r);
            }
        }
        byAgentId = freeze(ids);
        byAgentName = freeze(names);
        general = sorted(rest);
    }

    /** Candidate groups for a context, in evaluation order; each group is deny-first. */
    CompiledRule[] byId(PolicyContext c) {
        return c.agentId() == null ? NONE : byAgentId.getOrDefault(c.agentId(), NONE);
    }

    CompiledRule[] byName(PolicyContext c) {
        return c.agentName() == null ? NONE : byAgentName.getOrDefault(c.agentName(), NONE);
    }

    CompiledRule[] general() {
        return general;
    }

    private static boolean allExact(List<NamePattern> patterns) {
        return patterns.stream().allMatch(p -> p.exactName() != null);
    }

    private static Map<String, CompiledRule[]> freeze(Map<String, List<CompiledRule>> groups) {
        Map<String, CompiledRule[]> frozen = new HashMap<>();
        groups.forEach((key, list) -> frozen.put(key, sorted(list)));
        return Map.copyOf(frozen);
    }

    private static CompiledRule[] sorted(List<CompiledRule> rules) {
        return rules.stream().sorted(DENY_FIRST).toArray(CompiledRule[]::new);
    }
}
