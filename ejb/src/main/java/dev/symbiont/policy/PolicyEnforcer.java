package dev.symbiont.policy;

import dev.symbiont.policy.engine.CompiledPolicyEngine;
import dev.symbiont.policy.engine.Evaluation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

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

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();

    /**
     * @param actor    who asks, as the audit trail names them
     * @param honoured the condition types this enforcement point applies
     * @throws PolicyDeniedException when denied, or allowed on a condition outside {@code honoured}
     */
    public PolicyDecision enforce(PolicyContext context, PolicyAction action, String actor,
                                  Set<Class<? extends PolicyCondition>> honoured) {
        Evaluation evaluation = engine.current().evaluateWithMatches(context, action);
        PolicyDecision decision = evaluation.decision();
        audit.record(new PolicyAuditRecord(clock.instant(), action, context, actor, decision,
                evaluation.matchedRules()));
        count(action, decision);
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

    /** symbiont_policy_decisions_total{action, decision}: what the decision was, before conditions are checked. */
    private void count(PolicyAction action, PolicyDecision decision) {
        String kind = switch (decision) {
            case PolicyDecision.Allow a -> "allow";
            case PolicyDecision.Deny d -> "deny";
            case PolicyDecision.AllowWithConditions c -> "allow_with_conditions";
        };
        counters.computeIfAbsent(action.documentName() + "|" + kind, key -> metrics.counter(
                Metadata.builder().withName("symbiont.policy.decisions")
                        .withDescription("Enforced policy decisions by action and outcome").build(),
                new Tag("action", action.documentName()), new Tag("decision", kind))).inc();
    }
}
