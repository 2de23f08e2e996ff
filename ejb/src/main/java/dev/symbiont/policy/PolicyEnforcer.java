package dev.symbiont.policy;

import dev.symbiont.policy.engine.CompiledPolicyEngine;
import dev.symbiont.policy.engine.Explanation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Set;

/**
 * The one call every enforcement point makes: decide, hand the decision to the audit sink, and refuse unless it
 * permits. An AllowWithConditions whose conditions the enforcement point does not all understand is a deny (fail
 * closed); otherwise the decision is returned so the caller applies the conditions.
 */
@ApplicationScoped
public class PolicyEnforcer {

    @Inject
    CompiledPolicyEngine engine;

    @Inject
    PolicyAuditSink audit;

    @Inject
    Clock clock;

    /**
     * @param honoured the condition types this enforcement point applies
     * @throws PolicyDeniedException when denied, or allowed on a condition outside {@code honoured}
     */
    public PolicyDecision enforce(PolicyContext context, PolicyAction action,
                                  Set<Class<? extends PolicyCondition>> honoured) {
        Explanation explanation = engine.explain(context, action);
        PolicyDecision decision = explanation.decision();
        audit.record(new PolicyAuditRecord(clock.instant(), action, context, decision, explanation.matched()
                .stream().map(m -> m.policyId() + "/" + m.ruleId()).toList()));
        switch (decision) {
            case PolicyDecision.Deny deny -> throw new PolicyDeniedException(action, deny.reason(), deny.ruleId());
            case PolicyDecision.AllowWithConditions conditional -> {
                for (PolicyCondition condition : conditional.conditions()) {
                    if (!honoured.contains(condition.getClass())) {
                        throw new PolicyDeniedException(action, "condition " + condition.type()
                                + " cannot be honoured when enforcing " + action.documentName(), null);
                    }
                }
            }
            case PolicyDecision.Allow allow -> { }
        }
        return decision;
    }
}
