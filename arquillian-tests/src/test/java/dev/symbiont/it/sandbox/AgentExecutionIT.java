package dev.symbiont.it.sandbox;

import static dev.symbiont.it.support.AgentJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.it.support.AgentJson;
import dev.symbiont.it.support.Api;
import dev.symbiont.it.support.Deployments;
import dev.symbiont.it.support.TestSandboxEngineSession;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * POST /agents/{id}/execute end to end: the runtime on Liberty runs the agent's image in real containers on the
 * project's Docker engine, in the tier its risk and policy call for, and records and audits every attempt.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AgentExecutionIT {

    private final Api admin = Api.asAdmin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.runtimeEar();
    }

    private static String image() {
        return TestSandboxEngineSession.engine().image();
    }

    /** A runnable agent: low risk (public data, no network) unless the definition says otherwise. */
    private static JsonObjectBuilder agent(String prefix, String image, String script) {
        JsonArrayBuilder command = Json.createArrayBuilder().add("/bin/sh").add("-c").add(script);
        return AgentJson.valid(prefix)
                .add("sandbox_tier", "auto")
                .add("requires_network", false)
                .add("external_apis", Json.createArrayBuilder())
                .add("data_sensitivity", "public")
                .add("resource_limits", AgentJson.limits().add("memory_mb", 64).add("execution_timeout", "PT30S"))
                .add("execution", Json.createObjectBuilder().add("image", image).add("command", command)
                        .add("environment", Json.createObjectBuilder().add("GREETING", "hello")));
    }

    private String register(JsonObjectBuilder definition) {
        Api.Reply created = admin.post("/api/v1/agents", json(definition));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().getString("state")).isEqualTo("ready");
        return created.string("id");
    }

    private Api.Reply execute(String agentId, JsonObjectBuilder body) {
        return admin.post("/api/v1/agents/" + agentId + "/execute", json(body));
    }

    private static String prefix() {
        return "exec-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void runsTheAgentsCommandInTier1WithItsInputAndRecordsAndAuditsIt() {
        String id = register(agent(prefix(), image(), "read name; echo \"$GREETING $name from $(uname -r)\"; "
                + "echo warning >&2; exit 3"));

        Api.Reply reply = execute(id, Json.createObjectBuilder().add("input", "world\n")
                .add("environment", Json.createObjectBuilder().add("EXTRA", "1")));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonObject run = reply.json();
        assertThat(run.getString("status")).isEqualTo("exited");
        assertThat(run.getInt("exit_code")).isEqualTo(3);
        // Tier 1 shares the host's kernel: uname -r inside is the host's
        assertThat(run.getString("stdout")).isEqualTo("hello world from " + System.getProperty("os.version") + "\n");
        assertThat(run.getString("stderr")).isEqualTo("warning\n");
        assertThat(run.getString("tier")).isEqualTo("tier1");
        // untrusted image (0.3) + public data (0): below the 0.5 threshold
        assertThat(run.getJsonNumber("risk_score").doubleValue()).isEqualTo(0.3);
        assertThat(run.getJsonObject("risk_contributions").getJsonNumber("code_trust").doubleValue()).isEqualTo(0.3);
        assertThat(run.getBoolean("network_granted")).isFalse();
        assertThat(run.getJsonObject("limits").getJsonNumber("memory_bytes").longValue()).isEqualTo(64L << 20);
        assertThat(run.getInt("input_bytes")).isEqualTo(6);
        assertThat(run).containsKeys("duration_ms", "startup_ms", "first_output_ms");

        String executionId = run.getString("id");
        assertThat(admin.get("/api/v1/agents/" + id + "/executions/" + executionId).json()).isEqualTo(run);
        assertThat(admin.get("/api/v1/agents/" + id + "/executions").json().getJsonArray("items")
                .getValuesAs(JsonObject.class)).extracting(e -> e.getString("id")).containsExactly(executionId);

        List<JsonObject> events = admin.get("/api/v1/audit/events?agent_id=" + id
                + "&type=sandbox.execution_started&type=sandbox.execution_ended").json().getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertThat(events).extracting(e -> e.getString("event_type"))
                .containsExactly("sandbox.execution_started", "sandbox.execution_ended");
        assertThat(events).allSatisfy(e -> assertThat(e.getJsonObject("details").getString("execution_id"))
                .isEqualTo(executionId));
        assertThat(events.get(0).getJsonObject("details").getString("tier")).isEqualTo("tier1");
        assertThat(events.get(1).getJsonObject("details").getString("status")).isEqualTo("exited");
    }

    @Test
    void aPolicyRequiringTier2WinsOverALowScoreAndTheAgentRunsUnderGvisor() {
        String p = prefix();
        Api.Reply policy = admin.post("/api/v1/policies", """
                {"id": "%s", "rules": [{"id": "gvisor-only", "effect": "allow_with_conditions", "actions": ["sandbox.exec"],
                  "subject": {"agent_names": ["%s-*"]},
                  "conditions": [{"type": "minimum_sandbox_tier", "value": "tier2"}]}]}""".formatted(p, p));
        assertThat(policy.status()).as(policy.toString()).isEqualTo(201);
        String id = register(agent(p, image(), "uname -r"));

        JsonObject run = execute(id, Json.createObjectBuilder()).json();

        assertThat(run.getString("status")).as(run.toString()).isEqualTo("exited");
        assertThat(run.getString("tier")).isEqualTo("tier2");
        assertThat(run.getJsonNumber("risk_score").doubleValue()).isEqualTo(0.3);
        assertThat(run.getString("tier_reason")).startsWith("required by policy");
        // gVisor answers system calls with its own kernel, not the host's
        assertThat(run.getString("stdout").strip()).isNotEmpty().isNotEqualTo(System.getProperty("os.version"));
    }

    @Test
    void theExecutionTimeoutKillsAndTheRecordSaysSo() {
        JsonObjectBuilder definition = agent(prefix(), image(), "echo started; sleep 60");
        definition.add("resource_limits", AgentJson.limits().add("memory_mb", 64).add("execution_timeout", "PT1S"));
        String id = register(definition);

        JsonObject run = execute(id, Json.createObjectBuilder()).json();

        assertThat(run.getString("status")).as(run.toString()).isEqualTo("timed_out");
        assertThat(run.getString("stdout")).isEqualTo("started\n");
        assertThat(run.getJsonObject("limits").getJsonNumber("timeout_ms").longValue()).isEqualTo(1000);
    }

    @Test
    void aDeniedExecutionIsA403AndIsRecordedWithoutRunning() {
        String p = prefix();
        admin.post("/api/v1/policies", """
                {"id": "%s", "rules": [{"id": "no-exec", "effect": "deny", "actions": ["sandbox.exec"],
                  "subject": {"agent_names": ["%s-*"]}, "reason": "not vetted"}]}""".formatted(p, p));
        String id = register(agent(p, image(), "echo should not run"));

        Api.Reply reply = execute(id, Json.createObjectBuilder());

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.string("type")).endsWith("/policy-denied");
        List<JsonObject> runs = admin.get("/api/v1/agents/" + id + "/executions").json().getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.getString("status")).isEqualTo("policy_denied");
            assertThat(run.getString("reason")).contains("not vetted");
            assertThat(run.containsKey("tier")).isFalse();
        });
    }

    @Test
    void badInputIsA4xxProblemAndNothingRuns() {
        String id = register(agent(prefix(), image(), "cat"));

        Api.Reply oversize = execute(id, Json.createObjectBuilder().add("input", "x".repeat(300_000)));
        assertThat(oversize.status()).as(oversize.toString()).isEqualTo(413);
        assertThat(oversize.isProblem()).isTrue();

        Api.Reply both = execute(id, Json.createObjectBuilder().add("input", "a").add("input_base64", "YQ=="));
        assertThat(both.status()).isEqualTo(400);
        Api.Reply notBase64 = execute(id, Json.createObjectBuilder().add("input_base64", "***"));
        assertThat(notBase64.status()).isEqualTo(400);
        Api.Reply badName = execute(id, Json.createObjectBuilder()
                .add("environment", Json.createObjectBuilder().add("1BAD=NAME", "x")));
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.string("type")).endsWith("/validation-failed");
        assertThat(admin.get("/api/v1/agents/" + id + "/executions").json().getJsonArray("items")).isEmpty();

        Api.Reply binary = execute(id, Json.createObjectBuilder().add("input_base64",
                Base64.getEncoder().encodeToString("bytes in, bytes out".getBytes())));
        assertThat(binary.json().getString("stdout")).isEqualTo("bytes in, bytes out");
    }

    @Test
    void anImageTheEngineDoesNotHaveIsRefusedWithA422AndRecorded() {
        String id = register(agent(prefix(), "symbiont-test/no-such-image:1", "true"));

        Api.Reply reply = execute(id, Json.createObjectBuilder());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.string("type")).endsWith("/sandbox-refused");
        assertThat(reply.string("detail")).contains("symbiont-test/no-such-image:1");
        assertThat(admin.get("/api/v1/agents/" + id + "/executions").json().getJsonArray("items")
                .getJsonObject(0).getString("status")).isEqualTo("refused");
    }

    @Test
    void onlyAReadyAgentWithAnExecutionSpecRuns() {
        String withoutSpec = register(AgentJson.valid(prefix()));
        Api.Reply noSpec = execute(withoutSpec, Json.createObjectBuilder());
        assertThat(noSpec.status()).isEqualTo(409);
        assertThat(noSpec.string("type")).endsWith("/agent-not-runnable");
        assertThat(noSpec.string("detail")).contains("no execution spec");

        String id = register(agent(prefix(), image(), "true"));
        assertThat(admin.post("/api/v1/agents/" + id + "/start", "{}").status()).isEqualTo(200);
        Api.Reply running = execute(id, Json.createObjectBuilder());
        assertThat(running.status()).isEqualTo(409);
        assertThat(running.string("detail")).contains("is running");

        assertThat(admin.post("/api/v1/agents/nope/execute", "{}").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/agents/" + UUID.randomUUID() + "/execute", "{}").status()).isEqualTo(404);
    }

    @Test
    void anAuditorMayReadExecutionsButNotRunThem() {
        String id = register(agent(prefix(), image(), "true"));
        String auditorKey = admin.post("/api/v1/api-keys", """
                {"name": "exec-auditor-%s", "role": "auditor"}""".formatted(UUID.randomUUID())).string("token");
        Api auditor = admin.withToken(auditorKey);

        assertThat(auditor.post("/api/v1/agents/" + id + "/execute", "{}").status()).isEqualTo(403);
        assertThat(auditor.get("/api/v1/agents/" + id + "/executions").status()).isEqualTo(200);
    }

    @Test
    void readinessReportsBothTiersUp() {
        JsonObject ready = admin.anonymous().get("/health/ready").json();
        JsonObject sandbox = ready.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("sandbox")).findFirst().orElseThrow();
        assertThat(sandbox.getString("status")).isEqualTo("UP");
        assertThat(sandbox.getJsonObject("data").getString("tier1")).startsWith("up: ").contains("runtime 'runc'");
        assertThat(sandbox.getJsonObject("data").getString("tier2")).startsWith("up: ").contains("runtime 'runsc'");
    }
}
