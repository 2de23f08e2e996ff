package dev.symbiont.policy;

import dev.symbiont.policy.engine.Explanation;

/**
 * The policy decision point (the seed's PolicyEngine): every enforcement point asks it, every registered policy
 * feeds it. Decisions are taken on an immutable compiled snapshot; a registered change replaces the snapshot
 * atomically once it is committed, and decisions already under way finish on the snapshot they started with.
 */
public interface PolicyEngine {

    PolicyDecision evaluatePolicy(PolicyContext context, PolicyAction action);

    /** The decision with the candidate rules and why each matched or not. */
    Explanation explain(PolicyContext context, PolicyAction action);

    /** Registers a new policy from its document; returns its id. Effective for the next decision. */
    String registerPolicy(String document, String actor);
}
