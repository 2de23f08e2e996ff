package dev.symbiont.it.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.it.support.Api;
import dev.symbiont.it.support.Deployments;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Policies over HTTP: registered, versioned, explained, replaced and deleted, in force at once. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PolicyApiIT {

    private final Api admin = Api.asAdmin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.runtimeEar();
    }

    private static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Restricted agents named like the policy get tier 2; auditors may never create. */
    private static String document(String id, int memoryCeiling) {
        return """
                {"id": "%s", "description": "guardrails for %s",
                 "rules": [
                   {"id": "restricted-gvisor", "effect": "allow_with_conditions", "actions": ["agent.create"],
                    "subject": {"agent_names": ["%s-*"], "data_sensitivity": ["restricted"]},
                    "conditions": [{"type": "minimum_sandbox_tier", "value": "tier2"},
                                   {"type": "max_memory_mb", "value": %d}]},
                   {"id": "no-auditor-create", "effect": "deny", "actions": ["agent.create"],
                    "subject": {"agent_names": ["%s-*"], "roles": ["auditor"]}, "reason": "auditors only read"}
                 ]}""".formatted(id, id, id, memoryCeiling, id);
    }

    private static String question(String agentName, String role, String sensitivity) {
        return """
                {"action": "agent.create", "subject": {"agent_name": "%s", "role": "%s", "data_sensitivity": "%s"},
                 "resource": "agents/%s", "attributes": {"resource_limits.memory_mb": 512}}"""
                .formatted(agentName, role, sensitivity, agentName);
    }

    @Test
    void aRegisteredPolicyIsStoredAndDecidesTheNextRequest() {
        String id = uniqueId("guard");

        Api.Reply created = admin.post("/api/v1/policies", document(id, 2048));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.etag()).isEqualTo("\"1\"");
        assertThat(created.json().getInt("rule_count")).isEqualTo(2);
        assertThat(admin.get("/api/v1/policies/" + id).json().getJsonObject("document").getString("id")).isEqualTo(id);

        JsonObject decision = admin.post("/api/v1/policies/evaluate",
                question(id + "-bot", "operator", "restricted")).json();
        assertThat(decision.getString("decision")).isEqualTo("allow_with_conditions");
        assertThat(decision.getJsonArray("conditions").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("type")).containsExactly("max_memory_mb", "minimum_sandbox_tier");
        assertThat(decision.getJsonArray("evaluated_rules").getValuesAs(JsonObject.class))
                .anySatisfy(r -> {
                    assertThat(r.getString("rule")).isEqualTo("no-auditor-create");
                    assertThat(r.getBoolean("matched")).isFalse();
                    assertThat(r.getString("why")).contains("subject.roles");
                });
    }

    @Test
    void denyOverridesAndNamesTheRuleAndReason() {
        String id = uniqueId("deny");
        admin.post("/api/v1/policies", document(id, 2048));

        JsonObject decision = admin.post("/api/v1/policies/evaluate",
                question(id + "-bot", "auditor", "restricted")).json();

        assertThat(decision.getString("decision")).isEqualTo("deny");
        assertThat(decision.getString("reason")).isEqualTo("auditors only read");
        assertThat(decision.getString("rule")).isEqualTo(id + "/no-auditor-create");
    }

    @Test
    void nothingMatchingIsDeniedByDefault() {
        JsonObject decision = admin.post("/api/v1/policies/evaluate",
                "{\"action\": \"tool.invoke\", \"subject\": {\"agent_name\": \"nobody-" + UUID.randomUUID() + "\"}}")
                .json();

        assertThat(decision.getString("decision")).isEqualTo("deny");
        assertThat(decision.containsKey("rule")).isFalse();
    }

    @Test
    void aReplacedPolicyIsInForceForTheNextDecisionAndKeepsItsHistory() {
        String id = uniqueId("versioned");
        admin.post("/api/v1/policies", document(id, 2048));

        Api.Reply stale = admin.header("If-Match", "\"7\"").put("/api/v1/policies/" + id, document(id, 512));
        Api.Reply replaced = admin.header("If-Match", "\"1\"").put("/api/v1/policies/" + id, document(id, 512));
        JsonObject decision = admin.post("/api/v1/policies/evaluate",
                question(id + "-bot", "operator", "restricted")).json();
        Api.Reply deleted = admin.delete("/api/v1/policies/" + id);

        assertThat(stale.status()).isEqualTo(412);
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().getInt("version")).isEqualTo(2);
        assertThat(decision.getJsonArray("conditions").getJsonObject(0).getInt("value")).isEqualTo(512);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/policies/" + id).status()).isEqualTo(404);
        // with the policy gone, only the shipped baseline (operators may create agents) decides
        assertThat(admin.post("/api/v1/policies/evaluate", question(id + "-bot", "operator", "restricted")).json()
                .getString("decision")).isEqualTo("allow");
        var revisions = admin.get("/api/v1/policies/" + id + "/revisions").jsonArray().getValuesAs(JsonObject.class);
        assertThat(revisions).extracting(r -> r.getString("change")).containsExactly("created", "updated", "deleted");
        assertThat(revisions).allSatisfy(r -> assertThat(r.getString("actor")).startsWith("apikey:configured-admin("));
    }

    @Test
    void anInvalidDocumentIsRejectedWithTheExactLocationOfEachProblem() {
        String bad = """
                {"id": "broken", "rules": [
                  {"id": "a", "effect": "allow", "actions": ["agent.create"]},
                  {"id": "b", "effect": "deny", "actions": ["agent.fly"],
                   "conditions": [{"type": "rate_limit", "value": 5}]}]}""";

        Api.Reply reply = admin.post("/api/v1/policies", bad);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.string("type")).endsWith("/invalid-policy");
        assertThat(reply.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("field"))
                .containsExactlyInAnyOrder("$.rules[1].actions[0]", "$.rules[1].conditions");
        assertThat(admin.get("/api/v1/policies/broken").status()).isEqualTo(404);
    }

    @Test
    void anIdCanBeRegisteredOnlyOnce() {
        String id = uniqueId("once");
        admin.post("/api/v1/policies", document(id, 1024));

        Api.Reply again = admin.post("/api/v1/policies", document(id, 1024));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.string("type")).endsWith("/policy-exists");
    }

    @Test
    void batchEvaluationAnswersEachRequestInOrder() {
        String id = uniqueId("batch");
        admin.post("/api/v1/policies", document(id, 2048));
        String batch = "{\"requests\": [" + question(id + "-a", "operator", "restricted") + ","
                + question(id + "-b", "auditor", "public") + "," + question("other", "operator", "public") + "]}";

        var results = admin.post("/api/v1/policies/evaluate/batch", batch).json().getJsonArray("results")
                .getValuesAs(JsonObject.class);

        assertThat(results).extracting(r -> r.getString("decision"))
                .containsExactly("allow_with_conditions", "deny", "allow");
        assertThat(results.get(0).containsKey("evaluated_rules")).isFalse();
    }

    @Test
    void onlyAdminsChangePoliciesOthersReadAndAsk() {
        Api operator = admin.withToken(admin.post("/api/v1/api-keys",
                "{\"name\":\"policy-reader\",\"role\":\"operator\"}").string("token"));
        String id = uniqueId("roles");

        assertThat(operator.post("/api/v1/policies", document(id, 1024)).status()).isEqualTo(403);
        admin.post("/api/v1/policies", document(id, 1024));
        assertThat(operator.get("/api/v1/policies/" + id).status()).isEqualTo(200);
        assertThat(operator.post("/api/v1/policies/evaluate", question("x", "operator", "public")).status())
                .isEqualTo(200);
        assertThat(operator.delete("/api/v1/policies/" + id).status()).isEqualTo(403);
    }

    @Test
    void badEvaluationRequestsAreClientErrors() {
        assertThat(admin.post("/api/v1/policies/evaluate", "{\"action\": \"agent.fly\"}").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/policies/evaluate", "{\"action\": \"agent.create\", \"subject\": "
                + "{\"role\": \"king\"}}").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/policies/evaluate/batch", "{\"requests\": []}").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/policies", "").status()).isEqualTo(400);
    }
}
