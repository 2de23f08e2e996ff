package dev.symbiont.policy.engine;

import dev.symbiont.policy.PolicyCondition;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Merges conditions from several matching rules: one per type, the strictest, in a stable order (by type). */
final class ConditionMerger {

    private final Map<String, PolicyCondition> byType = new TreeMap<>();

    void addAll(List<PolicyCondition> conditions) {
        for (PolicyCondition c : conditions) {
            byType.merge(c.type(), c, PolicyCondition::mergeWith);
        }
    }

    boolean isEmpty() {
        return byType.isEmpty();
    }

    List<PolicyCondition> merged() {
        return List.copyOf(byType.values());
    }

    /** A rule's own conditions in the canonical form the engine returns. */
    static List<PolicyCondition> canonical(List<PolicyCondition> conditions) {
        var merger = new ConditionMerger();
        merger.addAll(conditions);
        return merger.merged();
    }
}
