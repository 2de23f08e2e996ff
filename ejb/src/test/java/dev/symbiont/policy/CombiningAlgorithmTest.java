package dev.symbiont.policy;

import static dev.symbiont.policy.Rules.allow;
import static dev.symbiont.policy.Rules.conditional;
import static dev.symbiont.policy.Rules.context;
import static dev.symbiont.policy.Rules.deny;
import static dev.symbiont.policy.Rules.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.agent.DataSensitivity;
import dev.symbiont.agent.SandboxTierPreference;
import dev.symbiont.policy.engine.CompiledPolicySet;
import dev.symbiont.policy.engine.Explanation;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CombiningAlgorithmTest {

    private static final PolicyAction CREATE = PolicyAction.AGENT_CREATE;
    private static final PolicyContext AGENT = context("summarizer", DataSensitivity.INTERNAL);

    private static PolicyDecision decide(Effect defaultEffect, Policy... policies) {
        return CompiledPolicySet.compile(List.of(policies), defaultEffect).evaluate(AGENT, CREATE);
    }

    @Test
    void denyOverridesAllowWhateverTheOrder() {
        PolicyDecision a = decide(Effect.DENY, policy("p", allow("a", CREATE), deny("d", CREATE)));
        PolicyDecision b = decide(Effect.DENY, policy("p", deny("d", CREATE)), policy("q", allow("a", CREATE)));

        assertThat(a).isEqualTo(new PolicyDecision.Deny("denied by d", "p/d"));
        assertThat(b).isEqualTo(new PolicyDecision.Deny("denied by d", "p/d"));
    }

    @Test
    void denyOverridesConditions() {
        assertThat(decide(Effect.DENY, policy("p", conditional("c", CREATE, new PolicyCondition.RateLimit(5)),
                deny("d", CREATE)))).isInstanceOf(PolicyDecision.Deny.class);
    }

    @Test
    void conditionsOverridePlainAllow() {
        assertThat(decide(Effect.DENY, policy("p", allow("a", CREATE),
                conditional("c", CREATE, new PolicyCondition.RateLimit(5)))))
                .isEqualTo(new PolicyDecision.AllowWithConditions(List.of(new PolicyCondition.RateLimit(5))));
    }

    @Test
    void conditionsFromSeveralRulesMergeToTheStrictestPerType() {
        PolicyDecision decision = decide(Effect.DENY, policy("p",
                conditional("c1", CREATE, new PolicyCondition.MaxMemoryMb(2048), new PolicyCondition.RateLimit(60),
                        new PolicyCondition.MinimumSandboxTier(SandboxTierPreference.TIER1)),
                conditional("c2", CREATE, new PolicyCondition.MaxMemoryMb(1024),
                        new PolicyCondition.RedactFields(Set.of("ssn")),
                        new PolicyCondition.MinimumSandboxTier(SandboxTierPreference.TIER2))),
                policy("q", conditional("c3", CREATE, new PolicyCondition.RateLimit(10),
                        new PolicyCondition.RedactFields(Set.of("email")))));

        assertThat(decision).isEqualTo(new PolicyDecision.AllowWithConditions(List.of(
                new PolicyCondition.MaxMemoryMb(1024),
                new PolicyCondition.MinimumSandboxTier(SandboxTierPreference.TIER2),
                new PolicyCondition.RateLimit(10),
                new PolicyCondition.RedactFields(Set.of("email", "ssn")))));
    }

    @Test
    void allowWhenOnlyAllowRulesMatch() {
        assertThat(decide(Effect.DENY, policy("p", allow("a", CREATE)))).isEqualTo(PolicyDecision.ALLOW);
    }

    @Test
    void defaultDenyWhenNothingMatches() {
        PolicyDecision decision = decide(Effect.DENY, policy("p", allow("other-action", PolicyAction.DATA_READ)));

        assertThat(decision).isEqualTo(PolicyDecision.DEFAULT_DENY);
        assertThat(decision.permits()).isFalse();
    }

    @Test
    void emptyPolicySetGivesTheDefaultEffect() {
        assertThat(decide(Effect.DENY)).isEqualTo(PolicyDecision.DEFAULT_DENY);
        assertThat(decide(Effect.ALLOW)).isEqualTo(PolicyDecision.ALLOW);
    }

    @Test
    void aRuleWhoseSubjectDoesNotMatchIsIgnored() {
        PolicyDecision decision = decide(Effect.ALLOW, policy("p",
                Rules.rule("restricted-only", Effect.DENY, CREATE, Rules.sensitivity(DataSensitivity.RESTRICTED))));

        assertThat(decision).isEqualTo(PolicyDecision.ALLOW);
    }

    @Test
    void explainNamesEveryCandidateAndWhyItMatchedOrNot() {
        var set = CompiledPolicySet.compile(List.of(policy("p", allow("a", CREATE),
                Rules.rule("r", Effect.DENY, CREATE, Rules.sensitivity(DataSensitivity.RESTRICTED)))), Effect.DENY);

        Explanation explanation = set.explain(AGENT, CREATE);

        assertThat(explanation.decision()).isEqualTo(PolicyDecision.ALLOW);
        assertThat(explanation.matched()).extracting(Explanation.RuleEvaluation::ruleId).containsExactly("a");
        assertThat(explanation.rules()).filteredOn(e -> e.ruleId().equals("r")).singleElement()
                .satisfies(e -> assertThat(e.why()).contains("subject.data_sensitivity"));
    }
}
