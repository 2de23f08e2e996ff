package dev.symbiont.it.policy;

import static dev.symbiont.it.support.AgentJson.json;
import static dev.symbiont.it.support.AgentJson.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.it.support.Api;
import dev.symbiont.it.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Agent registration and every lifecycle command are decided by policy, and the decision is honoured. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PolicyEnforcementIT {

    private final Api admin = Api.asAdmin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.runtimeEar();
    }

    private static String prefix() {
        return "enf-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void register(String policy) {
        Api.Reply reply = admin.post("/api/v1/policies", policy);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    @Test
    void aDeniedRegistrationIsA403AndWritesNothing() {
        String p = prefix();
        register("""
                {"id": "%s", "rules": [{"id": "block", "effect": "deny", "actions": ["agent.create"],
                  "subject": {"agent_names": ["%s-*"]}, "reason": "this team may not deploy agents"}]}""".formatted(p, p));

        Api.Reply reply = admin.post("/api/v1/agents", json(valid(p)));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.string("type")).endsWith("/policy-denied");
        assertThat(reply.string("detail")).contains("this team may not deploy agents").contains(p + "/block");
        assertThat(admin.get("/api/v1/agents?name=" + p).json().getJsonArray("items")).isEmpty();
        assertThat(admin.anonymous().get("/metrics").body())
                .containsPattern("symbiont_policy_decisions_total\\{action=\"agent.create\",decision=\"deny\"[^}]*} [1-9]");
    }

    @Test
    void denyingACapabilityTakesEffectAtOnceAndLiftingItToo() {
        String p = prefix();
        String capability = "cap-" + p;
        String denial = """
                {"id": "%s", "rules": [{"id": "no-%s", "effect": "deny", "actions": ["agent.create"],
                  "subject": {"capabilities": ["%s"]}, "reason": "capability under review"}]}"""
                .formatted(p, capability, capability);
        String agent = json(valid(p).add("capabilities", Json.createArrayBuilder().add(capability)));
        register(denial);

        Api.Reply denied = admin.post("/api/v1/agents", agent);
        Api.Reply lifted = admin.delete("/api/v1/policies/" + p);
        Api.Reply allowed = admin.post("/api/v1/agents", agent);

        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.isProblem()).isTrue();
        assertThat(denied.string("detail")).contains("rule " + p + "/no-" + capability);
        assertThat(lifted.status()).isEqualTo(200);
        assertThat(allowed.status()).as(allowed.toString()).isEqualTo(201);
    }

    @Test
    void conditionsAreAppliedToTheRegisteredAgent() {
        String p = prefix();
        register("""
                {"id": "%s", "rules": [{"id": "confine", "effect": "allow_with_conditions", "actions": ["agent.create"],
                  "subject": {"agent_names": ["%s-*"], "data_sensitivity": ["confidential"]},
                  "conditions": [{"type": "minimum_sandbox_tier", "value": "tier2"},
                                 {"type": "max_memory_mb", "value": 128},
                                 {"type": "audit_level", "value": "full"}]}]}""".formatted(p, p));

        JsonObject agent = admin.post("/api/v1/agents", json(valid(p).add("sandbox_tier", "tier1"))).json();

        assertThat(agent.getString("state")).isEqualTo("ready");
        assertThat(agent.getString("sandbox_tier")).isEqualTo("tier2");
        assertThat(agent.getJsonObject("resource_limits").getInt("memory_mb")).isEqualTo(128);
    }

    @Test
    void aConditionRegistrationCannotHonourIsADeny() {
        String p = prefix();
        register("""
                {"id": "%s", "rules": [{"id": "needs-approval", "effect": "allow_with_conditions",
                  "actions": ["agent.create"], "subject": {"agent_names": ["%s-*"]},
                  "conditions": [{"type": "require_approval", "role": "admin"}]}]}""".formatted(p, p));

        Api.Reply reply = admin.post("/api/v1/agents", json(valid(p)));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.string("detail")).contains("require_approval cannot be honoured");
    }

    @Test
    void lifecycleCommandsAreDecidedWithTheAgentsStateAndTheCommand() {
        String p = prefix();
        String id = admin.post("/api/v1/agents", json(valid(p))).string("id");
        register("""
                {"id": "%s", "rules": [{"id": "no-suspend", "effect": "deny", "actions": ["agent.transition"],
                  "subject": {"agent_names": ["%s-*"]}, "resources": ["agents/*/suspend"],
                  "reason": "suspension goes through the change board"}]}""".formatted(p, p));

        Api.Reply start = admin.post("/api/v1/agents/" + id + "/start", "{}");
        Api.Reply suspend = admin.post("/api/v1/agents/" + id + "/suspend", "{}");

        assertThat(start.status()).isEqualTo(200);
        assertThat(suspend.status()).isEqualTo(403);
        assertThat(suspend.string("detail")).contains("change board");
        assertThat(admin.get("/api/v1/agents/" + id).string("state")).isEqualTo("running");
    }

    @Test
    void aRedefinitionMustPassTheCreationPolicy() {
        String p = prefix();
        String id = admin.post("/api/v1/agents", json(valid(p))).string("id");
        register("""
                {"id": "%s", "rules": [{"id": "no-restricted", "effect": "deny", "actions": ["agent.create"],
                  "subject": {"agent_names": ["%s-*"], "data_sensitivity": ["restricted"]}}]}""".formatted(p, p));

        Api.Reply reply = admin.put("/api/v1/agents/" + id, json(valid(p).add("data_sensitivity", "restricted")));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/agents/" + id).string("data_sensitivity")).isEqualTo("confidential");
    }

    @Test
    void theBaselinePolicyShipsWithTheSchemaAndAllowsNoOneElse() {
        JsonObject baseline = admin.get("/api/v1/policies/baseline").json();
        assertThat(baseline.getJsonObject("document").getJsonArray("rules")).hasSize(1);

        String p = prefix();
        JsonObject decision = admin.post("/api/v1/policies/evaluate", """
                {"action": "agent.create", "subject": {"agent_name": "%s", "role": "auditor"}}""".formatted(p)).json();

        assertThat(decision.getString("decision")).isEqualTo("deny");
        assertThat(decision.containsKey("rule")).as("default deny, no rule").isFalse();
    }
}
