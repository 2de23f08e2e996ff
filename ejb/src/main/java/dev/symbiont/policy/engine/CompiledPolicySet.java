package dev.symbiont.policy.engine;

import dev.symbiont.policy.Effect;
import dev.symbiont.policy.Policy;
import dev.symbiont.policy.PolicyAction;
import dev.symbiont.policy.PolicyContext;
import dev.symbiont.policy.PolicyDecision;
import dev.symbiont.policy.PolicyRule;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of every active policy, compiled into per-action indexes. Decisions follow one combining
 * algorithm:
 * <ol>
 *   <li>deny overrides: if any matching rule denies, the decision is that rule's Deny;</li>
 *   <li>otherwise, if any matching rule allows with conditions, AllowWithConditions with all their conditions,
 *       merged per type to the strictest;</li>
 *   <li>otherwise, if any matching rule allows, Allow;</li>
 *   <li>otherwise the default effect (deny unless configured).</li>
 * </ol>
 * The result does not depend on the order of policies or rules.
 */
public final class CompiledPolicySet {

    private final List<Policy> policies;
    private final ActionIndex[] indexes = new ActionIndex[PolicyAction.values().length];
    private final PolicyDecision noMatch;
    private final int ruleCount;

    private CompiledPolicySet(List<Policy> policies, Effect defaultEffect) {
        this.policies = List.copyOf(policies);
        Map<PolicyAction, List<CompiledRule>> perAction = new EnumMap<>(PolicyAction.class);
        int count = 0;
        for (Policy policy : policies) {
            for (PolicyRule rule : policy.rules()) {
                var compiled = new CompiledRule(policy.id(), rule);
                rule.actions().forEach(a -> perAction.computeIfAbsent(a, k -> new ArrayList<>()).add(compiled));
                count++;
            }
        }
        for (PolicyAction action : PolicyAction.values()) {
            indexes[action.ordinal()] = new ActionIndex(perAction.getOrDefault(action, List.of()));
        }
        this.ruleCount = count;
        this.noMatch = defaultEffect == Effect.ALLOW ? PolicyDecision.ALLOW : PolicyDecision.DEFAULT_DENY;
    }

    public static CompiledPolicySet compile(List<Policy> policies, Effect defaultEffect) {
        if (defaultEffect == Effect.ALLOW_WITH_CONDITIONS) {
            throw new IllegalArgumentException("the default effect is allow or deny");
        }
        return new CompiledPolicySet(policies, defaultEffect);
    }

    public static CompiledPolicySet empty(Effect defaultEffect) {
        return compile(List.of(), defaultEffect);
    }

    public List<Policy> policies() {
        return policies;
    }

    public int ruleCount() {
        return ruleCount;
    }

    /**
     * The decision for one request. Allocation-free unless several allow_with_conditions rules match and their
     * conditions must be merged (each rule's own decision is built at compile time).
     */
    public PolicyDecision evaluate(PolicyContext context, PolicyAction action) {
        ActionIndex index = indexes[action.ordinal()];
        boolean allowed = false;
        CompiledRule firstConditional = null;
        ConditionMerger merger = null;
        for (int group = 0; group < 3; group++) {
            CompiledRule[] rules = group == 0 ? index.byId(context)
                    : group == 1 ? index.byName(context) : index.general();
            for (CompiledRule r : rules) {
                if (!r.matches(context)) {
                    continue;
                }
                switch (r.rule.effect()) {
                    case DENY -> {
                        return r.decision; // deny overrides: nothing later can change it
                    }
                    case ALLOW -> allowed = true;
                    case ALLOW_WITH_CONDITIONS -> {
                        if (firstConditional == null) {
                            firstConditional = r;
                        } else {
                            if (merger == null) {
                                merger = new ConditionMerger();
                                merger.addAll(firstConditional.rule.conditions());
                            }
                            merger.addAll(r.rule.conditions());
                        }
                    }
                }
            }
        }
        if (merger != null) {
            return new PolicyDecision.AllowWithConditions(merger.merged());
        }
        if (firstConditional != null) {
            return firstConditional.decision;
        }
        return allowed ? PolicyDecision.ALLOW : noMatch;
    }

    /**
     * The decision with the ids of all matching rules, for enforcement and audit. Unlike {@link #evaluate} it looks
     * at every candidate (no early exit on deny) and allocates the list; unlike {@link #explain} it builds no text.
     */
    public Evaluation evaluateWithMatches(PolicyContext context, PolicyAction action) {
        ActionIndex index = indexes[action.ordinal()];
        List<String> matched = new ArrayList<>();
        for (CompiledRule[] group : new CompiledRule[][] {index.byId(context), index.byName(context), index.general()}) {
            for (CompiledRule r : group) {
                if (r.matches(context)) {
                    matched.add(r.qualifiedId());
                }
            }
        }
        // a second, allocation-free pass for the decision: cheaper to maintain than a second copy of the
        // combining algorithm, and this path serves enforcement points, not the hot evaluate()
        return new Evaluation(evaluate(context, action), matched);
    }

    /** The decision with every candidate rule and why it matched or not ("explain"). */
    public Explanation explain(PolicyContext context, PolicyAction action) {
        ActionIndex index = indexes[action.ordinal()];
        List<Explanation.RuleEvaluation> evaluations = new ArrayList<>();
        for (CompiledRule[] group : List.of(index.byId(context), index.byName(context), index.general())) {
            for (CompiledRule r : group) {
                String mismatch = r.rule.firstMismatch(context);
                evaluations.add(new Explanation.RuleEvaluation(r.policyId, r.rule.id(), r.rule.effect(),
                        mismatch == null, mismatch == null ? "all clauses match" : mismatch));
            }
        }
        return new Explanation(evaluate(context, action), evaluations);
    }
}
