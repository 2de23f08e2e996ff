package dev.symbiont.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.agent.DataSensitivity;
import dev.symbiont.agent.SandboxTierPreference;
import dev.symbiont.policy.engine.CompiledPolicySet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: for random rule sets and random requests, the compiled, indexed engine decides exactly as a naive
 * evaluation of the same rules (every rule of every policy, the combining algorithm written out plainly).
 */
class CompiledMatchesNaiveEvaluationTest {

    private static final String[] NAMES = {"alpha", "beta", "gamma", "delta", "invoice-bot", "invoice-ocr"};
    private static final String[] CAPABILITIES = {"chat", "search", "payments", "ocr"};
    private static final String[] ROLES = {"admin", "operator", "auditor"};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 1234, 99_991})
    void compiledAndNaiveDecisionsAgree(long seed) {
        Random random = new Random(seed);
        List<Policy> policies = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            List<PolicyRule> rules = new ArrayList<>();
            for (int r = 0; r < 40; r++) {
                rules.add(randomRule(random, "r" + r));
            }
            policies.add(new Policy("p" + p, null, rules));
        }
        Effect defaultEffect = random.nextBoolean() ? Effect.DENY : Effect.ALLOW;
        CompiledPolicySet compiled = CompiledPolicySet.compile(policies, defaultEffect);

        Map<String, Integer> kinds = new TreeMap<>();
        for (int i = 0; i < 3_000; i++) {
            PolicyContext context = randomContext(random);
            PolicyAction action = pick(random, PolicyAction.values());

            PolicyDecision actual = compiled.evaluate(context, action);
            var withMatches = compiled.evaluateWithMatches(context, action);
            assertThat(withMatches.decision()).isEqualTo(actual);
            assertThat(withMatches.matchedRules()).containsExactlyInAnyOrderElementsOf(expected(policies, context,
                    action));
            kinds.merge(actual == PolicyDecision.DEFAULT_DENY ? "default" : actual.getClass().getSimpleName(), 1,
                    Integer::sum);
            Expected expected = naive(policies, defaultEffect, context, action);
            if (expected.denyingRules().isEmpty()) {
                assertThat(actual).as("request %d: %s %s", i, action, context).isEqualTo(expected.decision());
            } else {
                // several matching denies are equally right: the engine must report one of them
                assertThat(actual).as("request %d: %s %s", i, action, context)
                        .isInstanceOfSatisfying(PolicyDecision.Deny.class,
                                d -> assertThat(expected.denyingRules()).contains(d.ruleId()));
            }
        }
        // the random rule sets must exercise every branch of the algorithm, or agreement proves little
        assertThat(kinds).as("decisions by kind").containsKeys("Deny", "AllowWithConditions")
                .allSatisfy((kind, count) -> assertThat(count).as(kind).isGreaterThan(30));
        assertThat(kinds.keySet()).containsAnyOf("Allow", "default");
    }

    /** Ids of every rule that matches, by brute force. */
    private static List<String> expected(List<Policy> policies, PolicyContext c, PolicyAction a) {
        List<String> ids = new ArrayList<>();
        for (Policy p : policies) {
            for (PolicyRule r : p.rules()) {
                if (r.actions().contains(a) && r.matches(c)) {
                    ids.add(p.id() + "/" + r.id());
                }
            }
        }
        return ids;
    }

    /** A decision, or (for deny) the set of rules any of which may be the one reported. */
    private record Expected(PolicyDecision decision, Set<String> denyingRules) {
    }

    /** The combining algorithm, written as plainly as possible. */
    private static Expected naive(List<Policy> policies, Effect defaultEffect, PolicyContext c, PolicyAction a) {
        Set<String> denying = new HashSet<>();
        Map<String, PolicyCondition> merged = new TreeMap<>();
        boolean allowed = false;
        for (Policy p : policies) {
            for (PolicyRule r : p.rules()) {
                if (!r.actions().contains(a) || !r.matches(c)) {
                    continue;
                }
                switch (r.effect()) {
                    case DENY -> denying.add(p.id() + "/" + r.id());
                    case ALLOW -> allowed = true;
                    case ALLOW_WITH_CONDITIONS ->
                            r.conditions().forEach(cond -> merged.merge(cond.type(), cond, PolicyCondition::mergeWith));
                }
            }
        }
        if (!denying.isEmpty()) {
            return new Expected(null, denying);
        }
        if (!merged.isEmpty()) {
            return new Expected(new PolicyDecision.AllowWithConditions(List.copyOf(merged.values())), Set.of());
        }
        if (allowed) {
            return new Expected(PolicyDecision.ALLOW, Set.of());
        }
        return new Expected(defaultEffect == Effect.ALLOW ? PolicyDecision.ALLOW : PolicyDecision.DEFAULT_DENY,
                Set.of());
    }

    private static PolicyRule randomRule(Random random, String id) {
        int roll = random.nextInt(100);   // denies are rare and specific, as in real policy sets
        Effect effect = roll < 10 ? Effect.DENY : roll < 55 ? Effect.ALLOW : Effect.ALLOW_WITH_CONDITIONS;
        Set<PolicyAction> actions = EnumSet.noneOf(PolicyAction.class);
        actions.add(pick(random, PolicyAction.values()));
        if (random.nextInt(4) == 0) {
            actions.add(pick(random, PolicyAction.values()));
        }
        Set<String> ids = random.nextInt(4) == 0 ? Set.of("id-" + pick(random, NAMES)) : Set.of();
        List<NamePattern> names = switch (random.nextInt(5)) {
            case 0, 1, 2 -> List.of(NamePattern.of(pick(random, NAMES)));
            case 3 -> List.of(NamePattern.of("invoice-*"));
            default -> List.of();
        };
        Set<String> capabilities = random.nextInt(4) == 0 ? Set.of(pick(random, CAPABILITIES)) : Set.of();
        Set<String> roles = random.nextInt(4) == 0 ? Set.of(pick(random, ROLES)) : Set.of();
        Set<DataSensitivity> sensitivities = random.nextInt(3) == 0 ? EnumSet.of(pick(random, DataSensitivity.values()))
                : EnumSet.noneOf(DataSensitivity.class);
        List<AttributeCondition> when = random.nextInt(2) == 0
                ? List.of(new AttributeCondition("memory", pick(random, new AttributeCondition.Operator[] {
                        AttributeCondition.Operator.GT, AttributeCondition.Operator.LE}), (double) random.nextInt(4096)))
                : List.of();
        List<PolicyCondition> conditions = effect == Effect.ALLOW_WITH_CONDITIONS ? randomConditions(random) : List.of();
        return new PolicyRule(id, null, effect, actions, new SubjectMatcher(ids, names, capabilities, roles,
                EnumSet.noneOf(SandboxTierPreference.class), sensitivities), List.of(), when, conditions, "because " + id);
    }

    private static List<PolicyCondition> randomConditions(Random random) {
        List<PolicyCondition> all = new ArrayList<>(List.of(new PolicyCondition.MaxMemoryMb(1 + random.nextInt(4096)),
                new PolicyCondition.RateLimit(1 + random.nextInt(100)),
                new PolicyCondition.MinimumSandboxTier(random.nextBoolean() ? SandboxTierPreference.TIER1
                        : SandboxTierPreference.TIER2),
                new PolicyCondition.RedactFields(Set.of(pick(random, new String[] {"ssn", "email", "iban"}))),
                new PolicyCondition.AuditLevel(pick(random, PolicyCondition.AuditLevel.Level.values()))));
        java.util.Collections.shuffle(all, random);
        return all.subList(0, 1 + random.nextInt(3));
    }

    private static PolicyContext randomContext(Random random) {
        String name = pick(random, NAMES);
        Set<String> capabilities = new HashSet<>();
        for (String c : CAPABILITIES) {
            if (random.nextBoolean()) {
                capabilities.add(c);
            }
        }
        return new PolicyContext("id-" + name, name, capabilities, pick(random, ROLES), SandboxTierPreference.AUTO,
                pick(random, DataSensitivity.values()), "agents/" + name,
                random.nextInt(5) == 0 ? Map.of() : Map.of("memory", random.nextInt(4096)));
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
