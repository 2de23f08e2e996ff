package dev.symbiont.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symbiont.agent.DataSensitivity;
import dev.symbiont.agent.SandboxTierPreference;
import dev.symbiont.policy.document.InvalidPolicyException;
import dev.symbiont.policy.document.PolicyDocumentParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyDocumentParserTest {

    private static final String VALID = """
            {
              "id": "guardrails",
              "description": "baseline",
              "rules": [
                {"id": "restricted-needs-gvisor", "effect": "allow_with_conditions",
                 "actions": ["agent.create", "agent.transition"],
                 "subject": {"data_sensitivity": ["restricted"], "agent_names": ["invoice-*"]},
                 "when": [{"attribute": "resource_limits.memory_mb", "op": "le", "value": 8192}],
                 "conditions": [{"type": "minimum_sandbox_tier", "value": "tier2"},
                                {"type": "redact_fields", "fields": ["ssn"]},
                                {"type": "audit_level", "value": "full"}]},
                {"id": "no-auditor-writes", "effect": "deny", "actions": ["*"], "subject": {"roles": ["auditor"]},
                 "reason": "auditors only read"},
                {"id": "operators", "effect": "allow", "actions": ["agent.create"], "resources": ["agents/*"]}
              ]
            }""";

    private static List<String> violationsOf(String document) {
        try {
            PolicyDocumentParser.parse(document);
            throw new AssertionError("expected the document to be rejected");
        } catch (InvalidPolicyException e) {
            return e.violations().stream().map(InvalidPolicyException.Violation::toString).toList();
        }
    }

    private static String withRule(String rule) {
        return "{\"id\":\"p\",\"rules\":[" + rule + "]}";
    }

    @Test
    void readsEveryPartOfAValidDocument() {
        Policy policy = PolicyDocumentParser.parse(VALID);

        assertThat(policy.id()).isEqualTo("guardrails");
        assertThat(policy.rules()).extracting(PolicyRule::id)
                .containsExactly("restricted-needs-gvisor", "no-auditor-writes", "operators");
        PolicyRule first = policy.rules().get(0);
        assertThat(first.effect()).isEqualTo(Effect.ALLOW_WITH_CONDITIONS);
        assertThat(first.actions()).containsExactlyInAnyOrder(PolicyAction.AGENT_CREATE, PolicyAction.AGENT_TRANSITION);
        assertThat(first.subject().dataSensitivities()).containsExactly(DataSensitivity.RESTRICTED);
        assertThat(first.when()).containsExactly(new AttributeCondition("resource_limits.memory_mb",
                AttributeCondition.Operator.LE, 8192.0));
        assertThat(first.conditions()).contains(new PolicyCondition.MinimumSandboxTier(SandboxTierPreference.TIER2));
        assertThat(policy.rules().get(1).actions()).hasSize(PolicyAction.values().length);
        assertThat(policy.rules().get(1).reason()).isEqualTo("auditors only read");
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        assertThat(violationsOf("{\"id\": \"p\",\n  \"rules\": [}")).singleElement().asString()
                .startsWith("$: not valid JSON (line 2");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "[1]|$: must be a JSON object",
            "{\"rules\":[]}|$.id: is required",
            "{\"id\":\"Bad Id\",\"rules\":[]}|$.id: must be 1-64 lower-case",
            "{\"id\":\"p\",\"rules\":[]}|$.rules: must contain at least one rule",
            "{\"id\":\"p\",\"rules\":[],\"extra\":1}|$.extra: unknown field",
            "{\"id\":\"p\",\"rules\":[{\"id\":\"r\",\"effect\":\"maybe\",\"actions\":[\"agent.create\"]}]}|$.rules[0].effect: 'maybe' is not one of",
            "{\"id\":\"p\",\"rules\":[{\"id\":\"r\",\"effect\":\"allow\",\"actions\":[\"agent.fly\"]}]}|$.rules[0].actions[0]: unknown action 'agent.fly'",
            "{\"id\":\"p\",\"rules\":[{\"id\":\"r\",\"effect\":\"allow\",\"actions\":[]}]}|$.rules[0].actions: must name at least one action",
            "{\"id\":\"p\",\"rules\":[{\"id\":\"r\",\"effect\":\"allow\",\"actions\":[\"*\"],\"subject\":{\"roles\":[\"root\"]}}]}|$.rules[0].subject.roles[0]: unknown role 'root'",
            "{\"id\":\"p\",\"rules\":[{\"id\":\"r\",\"effect\":\"allow\",\"actions\":[\"*\"],\"subject\":{\"data_sensitivity\":[\"secret\"]}}]}|$.rules[0].subject.data_sensitivity[0]: 'secret' is not one of",
            "{\"id\":\"p\",\"rules\":[{\"id\":\"r\",\"effect\":\"allow\",\"actions\":[\"*\"],\"when\":[{\"attribute\":\"a\",\"op\":\"gt\",\"value\":\"x\"}]}]}|$.rules[0].when[0].value: gt compares numbers",
            "{\"id\":\"p\",\"rules\":[{\"id\":\"r\",\"effect\":\"allow\",\"actions\":[\"*\"],\"when\":[{\"attribute\":\"a\",\"op\":\"in\",\"value\":[]}]}]}|$.rules[0].when[0].value: in needs a non-empty array",
            "{\"id\":\"p\",\"rules\":[{\"id\":\"r\",\"effect\":\"allow_with_conditions\",\"actions\":[\"*\"],\"conditions\":[{\"type\":\"max_memory_mb\",\"value\":0}]}]}|$.rules[0].conditions[0].value: must be a positive whole number",
            "{\"id\":\"p\",\"rules\":[{\"id\":\"r\",\"effect\":\"allow_with_conditions\",\"actions\":[\"*\"],\"conditions\":[{\"type\":\"teleport\"}]}]}|$.rules[0].conditions[0].type: unknown condition 'teleport'",
            "{\"id\":\"p\",\"rules\":[{\"id\":\"r\",\"effect\":\"allow_with_conditions\",\"actions\":[\"*\"],\"conditions\":[{\"type\":\"minimum_sandbox_tier\",\"value\":\"auto\"}]}]}|$.rules[0].conditions[0].value: must be tier1 or tier2"})
    void malformedPartsAreReportedAtTheirPath(String document, String expected) {
        assertThat(violationsOf(document)).anySatisfy(v -> assertThat(v).startsWith(expected));
    }

    @Test
    void aDenyRuleWithConditionsIsContradictory() {
        assertThat(violationsOf(withRule("{\"id\":\"r\",\"effect\":\"deny\",\"actions\":[\"*\"],"
                + "\"conditions\":[{\"type\":\"rate_limit\",\"value\":5}]}")))
                .contains("$.rules[0].conditions: only allow_with_conditions rules carry conditions (this rule is deny)");
    }

    @Test
    void allowWithConditionsWithoutConditionsIsContradictory() {
        assertThat(violationsOf(withRule("{\"id\":\"r\",\"effect\":\"allow_with_conditions\",\"actions\":[\"*\"]}")))
                .contains("$.rules[0].conditions: allow_with_conditions needs at least one valid condition");
    }

    @Test
    void twoConditionsOfOneTypeInOneRuleAreContradictory() {
        assertThat(violationsOf(withRule("{\"id\":\"r\",\"effect\":\"allow_with_conditions\",\"actions\":[\"*\"],"
                + "\"conditions\":[{\"type\":\"rate_limit\",\"value\":5},{\"type\":\"rate_limit\",\"value\":9}]}")))
                .anySatisfy(v -> assertThat(v).startsWith("$.rules[0].conditions[1]: a second rate_limit"));
    }

    @Test
    void duplicateRuleIdsAreRejected() {
        assertThat(violationsOf(withRule("{\"id\":\"r\",\"effect\":\"allow\",\"actions\":[\"*\"]},"
                + "{\"id\":\"r\",\"effect\":\"deny\",\"actions\":[\"*\"]}")))
                .contains("$.rules[1].id: duplicate rule id 'r'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"gt|10|lt|5", "gt|5|le|5", "ge|6|lt|6", "eq|5|gt|5", "gt|5|eq|5",
            "eq|3|eq|4"})
    void attributeTestsThatCanNeverHoldTogetherAreRejected(String op1, int v1, String op2, int v2) {
        String when = "[{\"attribute\":\"m\",\"op\":\"" + op1 + "\",\"value\":" + v1 + "},"
                + "{\"attribute\":\"m\",\"op\":\"" + op2 + "\",\"value\":" + v2 + "}]";

        assertThat(violationsOf(withRule("{\"id\":\"r\",\"effect\":\"allow\",\"actions\":[\"*\"],\"when\":" + when + "}")))
                .anySatisfy(v -> assertThat(v).startsWith("$.rules[0].when: the tests on 'm' contradict"));
    }

    @Test
    void compatibleRangesAreAccepted() {
        String when = "[{\"attribute\":\"m\",\"op\":\"ge\",\"value\":5},{\"attribute\":\"m\",\"op\":\"le\",\"value\":5}]";

        assertThat(PolicyDocumentParser.parse(withRule("{\"id\":\"r\",\"effect\":\"allow\",\"actions\":[\"*\"],"
                + "\"when\":" + when + "}")).rules()).hasSize(1);
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        assertThatThrownBy(() -> PolicyDocumentParser.parse(withRule(
                "{\"id\":\"r\",\"effect\":\"nope\",\"actions\":[\"x\"],\"colour\":1}")))
                .isInstanceOf(InvalidPolicyException.class)
                .satisfies(e -> assertThat(((InvalidPolicyException) e).violations()).hasSize(3));
    }
}
