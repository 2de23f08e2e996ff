package dev.symbiont.it.agent;

import static dev.symbiont.it.support.AgentJson.json;
import static dev.symbiont.it.support.AgentJson.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.it.support.AgentJson;
import dev.symbiont.it.support.Api;
import dev.symbiont.it.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Agents over HTTP against the real server and PostgreSQL: create, read, list, transition, terminate. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AgentLifecycleIT {

    private final Api api = Api.asAdmin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.runtimeEar();
    }

    private String create(String prefix) {
        Api.Reply created = api.post("/api/v1/agents", json(valid(prefix)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.string("id");
    }

    @Test
    void registeringAValidAgentMakesItReadyAndReturnsEverythingSent() {
        JsonObject sent = valid("create").build();

        Api.Reply reply = api.post("/api/v1/agents", json(sent));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonObject agent = reply.json();
        assertThat(agent.getString("state")).isEqualTo("ready");
        assertThat(agent.getString("name")).isEqualTo(sent.getString("name"));
        assertThat(agent.getJsonObject("resource_limits")).isEqualTo(sent.getJsonObject("resource_limits"));
        assertThat(agent.getJsonObject("metadata")).isEqualTo(sent.getJsonObject("metadata"));
        assertThat(agent.getString("sandbox_tier")).isEqualTo("tier2");
        assertThat(agent.getString("data_sensitivity")).isEqualTo("confidential");
        assertThat(agent.getString("created_by")).startsWith("apikey:configured-admin(");
        assertThat(reply.etag()).isEqualTo("\"0\"");
        assertThat(api.get("/api/v1/agents/" + agent.getString("id")).json()).isEqualTo(agent);
    }

    @Test
    void anAgentThisNodeCannotRunIsKeptAsFailedWithTheReason() {
        var tooBig = valid("too-big").add("resource_limits", AgentJson.limits().add("memory_mb", 1_000_000));

        Api.Reply reply = api.post("/api/v1/agents", json(tooBig));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.string("state")).isEqualTo("failed");
        assertThat(reply.string("state_reason")).contains("memory_mb 1000000 exceeds");
        assertThat(reply.json().getJsonArray("allowed_transitions")).containsExactly(Json.createValue("terminated"));
    }

    @Test
    void walksTheWholeLifecycleAndRecordsEveryTransitionWithActorAndReason() {
        String id = create("walk");
        String path = "/api/v1/agents/" + id;

        assertThat(api.post(path + "/start", "{\"reason\":\"task 17 assigned\"}").string("state")).isEqualTo("running");
        assertThat(api.post(path + "/suspend", "{\"reason\":\"policy violation\"}").string("state")).isEqualTo("suspended");
        assertThat(api.send("POST", path + "/resume", null, null).string("state")).isEqualTo("running");
        assertThat(api.post(path + "/complete", "{}").string("state")).isEqualTo("ready");
        Api.Reply terminated = api.delete(path + "?reason=decommissioned");
        assertThat(terminated.string("state")).isEqualTo("terminated");

        var history = api.get(path + "/history").json().getJsonArray("items");
        assertThat(history.getValuesAs(JsonObject.class)).extracting(e -> e.getString("to_state"))
                .containsExactly("initializing", "ready", "running", "suspended", "running", "ready", "terminated");
        JsonObject suspension = history.getJsonObject(3);
        assertThat(suspension.getString("from_state")).isEqualTo("running");
        assertThat(suspension.getString("reason")).isEqualTo("policy violation");
        assertThat(suspension.getString("actor")).startsWith("apikey:configured-admin(");
        assertThat(suspension.getString("occurred_at")).isNotBlank();
        assertThat(history.getJsonObject(6).getString("reason")).isEqualTo("decommissioned");
    }

    @Test
    void terminatedAgentsAreKeptAndCannotLeaveTerminated() {
        String id = create("kept");
        api.delete("/api/v1/agents/" + id);

        Api.Reply again = api.post("/api/v1/agents/" + id + "/start", "{}");

        assertThat(api.get("/api/v1/agents/" + id).string("state")).isEqualTo("terminated");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(again.string("type")).endsWith("/illegal-transition");
        assertThat(again.string("current_state")).isEqualTo("terminated");
        assertThat(again.json().getJsonArray("allowed_transitions")).isEmpty();
    }

    @Test
    void resumingAReadyAgentIsIllegalAndNamesTheCurrentStateAndTheAllowedOnes() {
        String id = create("illegal");

        Api.Reply reply = api.post("/api/v1/agents/" + id + "/resume", "{}");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.string("current_state")).isEqualTo("ready");
        assertThat(reply.json().getJsonArray("allowed_transitions").getValuesAs(JsonString::getString))
                .containsExactly("running", "terminated");
        assertThat(reply.string("detail")).contains("is ready: resume applies only to suspended agents");
    }

    @Test
    void statusShowsStateReasonAndWhereItCanGo() {
        String id = create("status");
        api.post("/api/v1/agents/" + id + "/start", "{\"reason\":\"go\"}");

        JsonObject status = api.get("/api/v1/agents/" + id + "/status").json();

        assertThat(status.getString("state")).isEqualTo("running");
        assertThat(status.getString("reason")).isEqualTo("go");
        assertThat(status.getJsonArray("allowed_transitions").getValuesAs(JsonString::getString))
                .containsExactly("ready", "suspended");
        assertThat(status.getInt("revision")).isEqualTo(1);
    }

    @Test
    void definitionIsReplacedOnlyWithTheCurrentRevision() {
        String id = create("redefine");
        String path = "/api/v1/agents/" + id;
        String v2 = json(valid("redefined").add("version", "2.0.0"));

        Api.Reply stale = api.header("If-Match", "\"7\"").put(path, v2);
        Api.Reply fresh = api.header("If-Match", "\"0\"").put(path, v2);

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.string("type")).endsWith("/precondition-failed");
        assertThat(fresh.status()).as(fresh.toString()).isEqualTo(200);
        assertThat(fresh.string("version")).isEqualTo("2.0.0");
        assertThat(fresh.etag()).isEqualTo("\"1\"");
        assertThat(api.get(path + "/history").json().getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("event")).contains("definition_updated");
    }

    @Test
    void aRunningAgentsDefinitionCannotBeReplaced() {
        String id = create("busy");
        api.post("/api/v1/agents/" + id + "/start", "{}");

        Api.Reply reply = api.put("/api/v1/agents/" + id, json(valid("busy")));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.string("type")).endsWith("/agent-not-editable");
        assertThat(reply.string("current_state")).isEqualTo("running");
    }

    @Test
    void aReplacementThisNodeCannotRunIsRefusedAndTheOldDefinitionStays() {
        String id = create("keep-old");
        var tooBig = valid("keep-old").add("resource_limits", AgentJson.limits().add("cpu_cores", 999));

        Api.Reply reply = api.put("/api/v1/agents/" + id, json(tooBig));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.string("type")).endsWith("/invalid-configuration");
        assertThat(api.get("/api/v1/agents/" + id).json().getJsonObject("resource_limits")
                .getJsonNumber("cpu_cores").doubleValue()).isEqualTo(0.5);
    }

    @Test
    void listsPageByPageWithoutGapsOrRepeats() {
        String prefix = "paged-" + System.nanoTime();
        for (int i = 0; i < 7; i++) {
            create(prefix);
        }
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String query = "/api/v1/agents?name=" + prefix + "&limit=3" + (cursor == null ? "" : "&cursor=" + cursor);
            JsonObject page = api.get(query).json();
            page.getJsonArray("items").getValuesAs(JsonObject.class).forEach(a -> seen.add(a.getString("id")));
            cursor = page.containsKey("next_cursor") ? page.getString("next_cursor") : null;
            pages++;
        } while (cursor != null);

        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void filtersByStateCapabilityAndSensitivity() {
        String prefix = "filter-" + System.nanoTime();
        String running = api.post("/api/v1/agents", json(valid(prefix))).string("id");
        api.post("/api/v1/agents/" + running + "/start", "{}");
        api.post("/api/v1/agents", json(valid(prefix).add("data_sensitivity", "public")
                .add("capabilities", Json.createArrayBuilder().add("translate"))));

        var byState = api.get("/api/v1/agents?name=" + prefix + "&state=running").json().getJsonArray("items");
        var byCapability = api.get("/api/v1/agents?name=" + prefix + "&capability=translate").json()
                .getJsonArray("items");
        var bySensitivity = api.get("/api/v1/agents?name=" + prefix + "&data_sensitivity=confidential").json()
                .getJsonArray("items");

        assertThat(byState).hasSize(1);
        assertThat(byState.getJsonObject(0).getString("id")).isEqualTo(running);
        assertThat(byCapability).hasSize(1);
        assertThat(bySensitivity).hasSize(1);
        assertThat(bySensitivity.getJsonObject(0).get("id")).isEqualTo((JsonValue) Json.createValue(running));
    }
}
