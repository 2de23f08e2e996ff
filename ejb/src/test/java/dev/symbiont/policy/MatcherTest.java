package dev.symbiont.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.agent.DataSensitivity;
import dev.symbiont.agent.SandboxTierPreference;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatcherTest {

    private static final PolicyContext CONTEXT = new PolicyContext("a-1", "invoice-bot", Set.of("payments", "ocr"),
            "operator", SandboxTierPreference.TIER1, DataSensitivity.CONFIDENTIAL, "agents/a-1/start",
            Map.of("resource_limits.memory_mb", 512, "requires_network", true, "region", "eu-west"));

    private static SubjectMatcher subject(Set<String> ids, List<String> names, Set<String> capabilities,
                                          Set<String> roles, Set<SandboxTierPreference> tiers,
                                          Set<DataSensitivity> sensitivities) {
        return new SubjectMatcher(ids, names.stream().map(NamePattern::of).toList(), capabilities, roles,
                tiers.isEmpty() ? EnumSet.noneOf(SandboxTierPreference.class) : tiers,
                sensitivities.isEmpty() ? EnumSet.noneOf(DataSensitivity.class) : sensitivities);
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({"*, invoice-bot, true", "invoice-*, invoice-bot, true", "*-bot, invoice-bot, true",
            "inv*bot, invoice-bot, true", "invoice-bot, invoice-bot, true", "invoice, invoice-bot, false",
            "*-agent, invoice-bot, false", "a*b*c, aXbYc, true", "a*b*c, aXcYb, false", "a.c, abc, false"})
    void namePatterns(String pattern, String name, boolean expected) {
        assertThat(NamePattern.of(pattern).matches(name)).isEqualTo(expected);
    }

    @Test
    void anyMatcherMatchesEverything() {
        assertThat(SubjectMatcher.ANY.matches(CONTEXT)).isTrue();
    }

    @Test
    void eachSubjectCriterionMatchesAnyListedValue() {
        assertThat(subject(Set.of("a-1", "a-2"), List.of(), Set.of(), Set.of(), Set.of(), Set.of()).matches(CONTEXT)).isTrue();
        assertThat(subject(Set.of(), List.of("x", "invoice-*"), Set.of(), Set.of(), Set.of(), Set.of()).matches(CONTEXT)).isTrue();
        assertThat(subject(Set.of(), List.of(), Set.of("ocr", "chat"), Set.of(), Set.of(), Set.of()).matches(CONTEXT)).isTrue();
        assertThat(subject(Set.of(), List.of(), Set.of(), Set.of("admin", "operator"), Set.of(), Set.of()).matches(CONTEXT)).isTrue();
        assertThat(subject(Set.of(), List.of(), Set.of(), Set.of(), Set.of(SandboxTierPreference.TIER1), Set.of()).matches(CONTEXT)).isTrue();
        assertThat(subject(Set.of(), List.of(), Set.of(), Set.of(), Set.of(), Set.of(DataSensitivity.CONFIDENTIAL)).matches(CONTEXT)).isTrue();
    }

    @Test
    void eachSubjectCriterionRejectsUnlistedValues() {
        assertThat(subject(Set.of("a-2"), List.of(), Set.of(), Set.of(), Set.of(), Set.of()).firstMismatch(CONTEXT)).contains("agent_ids");
        assertThat(subject(Set.of(), List.of("x-*"), Set.of(), Set.of(), Set.of(), Set.of()).firstMismatch(CONTEXT)).contains("agent_names");
        assertThat(subject(Set.of(), List.of(), Set.of("chat"), Set.of(), Set.of(), Set.of()).firstMismatch(CONTEXT)).contains("capabilities");
        assertThat(subject(Set.of(), List.of(), Set.of(), Set.of("admin"), Set.of(), Set.of()).firstMismatch(CONTEXT)).contains("roles");
        assertThat(subject(Set.of(), List.of(), Set.of(), Set.of(), Set.of(SandboxTierPreference.TIER2), Set.of()).firstMismatch(CONTEXT)).contains("sandbox_tiers");
        assertThat(subject(Set.of(), List.of(), Set.of(), Set.of(), Set.of(), Set.of(DataSensitivity.PUBLIC)).firstMismatch(CONTEXT)).contains("data_sensitivity");
    }

    @Test
    void allCriteriaMustHoldTogether() {
        var both = subject(Set.of(), List.of("invoice-*"), Set.of(), Set.of("admin"), Set.of(), Set.of());

        assertThat(both.matches(CONTEXT)).isFalse();
    }

    @Test
    void aCriterionOnAnUnknownFieldDoesNotMatch() {
        var unknown = new PolicyContext(null, null, null, null, null, null, null, null);

        assertThat(subject(Set.of(), List.of(), Set.of(), Set.of("operator"), Set.of(), Set.of()).matches(unknown)).isFalse();
        assertThat(subject(Set.of(), List.of(), Set.of(), Set.of(), Set.of(), Set.of(DataSensitivity.PUBLIC)).matches(unknown)).isFalse();
        assertThat(SubjectMatcher.ANY.matches(unknown)).isTrue();
    }

    @ParameterizedTest(name = "{0} {1} {2}: {3}")
    @CsvSource({"resource_limits.memory_mb, GT, 256, true", "resource_limits.memory_mb, GT, 512, false",
            "resource_limits.memory_mb, GE, 512, true", "resource_limits.memory_mb, LT, 1024, true",
            "resource_limits.memory_mb, LE, 511, false", "resource_limits.memory_mb, EQ, 512, true",
            "resource_limits.memory_mb, NE, 512, false", "region, EQ, eu-west, true", "region, NE, us-east, true",
            "region, GT, 5, false", "missing, EQ, x, false", "missing, NE, x, false"})
    void attributeTests(String attribute, AttributeCondition.Operator op, String value, boolean expected) {
        Object operand = value.matches("-?[0-9.]+") ? (Object) Double.valueOf(value) : value;

        assertThat(new AttributeCondition(attribute, op, operand).test(CONTEXT.attributes())).isEqualTo(expected);
    }

    @Test
    void setAndPatternAttributeTests() {
        assertThat(new AttributeCondition("region", AttributeCondition.Operator.IN, List.of("us-east", "eu-west"))
                .test(CONTEXT.attributes())).isTrue();
        assertThat(new AttributeCondition("region", AttributeCondition.Operator.NOT_IN, List.of("eu-west"))
                .test(CONTEXT.attributes())).isFalse();
        assertThat(new AttributeCondition("region", AttributeCondition.Operator.MATCHES, NamePattern.of("eu-*"))
                .test(CONTEXT.attributes())).isTrue();
        assertThat(new AttributeCondition("requires_network", AttributeCondition.Operator.EQ, true)
                .test(CONTEXT.attributes())).isTrue();
    }

    @Test
    void resourcePatternsRestrictTheRule() {
        var rule = new PolicyRule("r", null, Effect.ALLOW, EnumSet.of(PolicyAction.AGENT_TRANSITION),
                SubjectMatcher.ANY, List.of(NamePattern.of("agents/*/suspend")), List.of(), List.of(), null);

        assertThat(rule.matches(CONTEXT)).isFalse();
        assertThat(rule.firstMismatch(CONTEXT)).startsWith("resources");
    }
}
