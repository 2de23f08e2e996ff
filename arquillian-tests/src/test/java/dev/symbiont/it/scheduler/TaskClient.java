package dev.symbiont.it.scheduler;

import static dev.symbiont.it.support.AgentJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.it.support.AgentJson;
import dev.symbiont.it.support.Api;
import dev.symbiont.it.support.TestSandboxEngineSession;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** Agents with a shell workload and their tasks, through the API, for the scheduler's ITs on the deployed runtime. */
final class TaskClient {

    static final Set<String> FINAL = Set.of("succeeded", "failed", "cancelled", "timed_out");

    private final Api api;

    TaskClient(Api api) {
        this.api = api;
    }

    /** A Tier 1 agent without network whose tasks run {@code script} in the test image. */
    static JsonObjectBuilder agent(String script, int memoryMb) {
        JsonArrayBuilder command = Json.createArrayBuilder().add("/bin/sh").add("-c").add(script);
        return AgentJson.valid("task-" + UUID.randomUUID().toString().substring(0, 8))
                .add("sandbox_tier", "tier1")
                .add("requires_network", false)
                .add("external_apis", Json.createArrayBuilder())
                .add("data_sensitivity", "public")
                .add("resource_limits", AgentJson.limits().add("memory_mb", memoryMb).add("execution_timeout", "PT60S"))
                .add("execution", Json.createObjectBuilder()
                        .add("image", TestSandboxEngineSession.engine().image()).add("command", command));
    }

    String register(JsonObjectBuilder definition) {
        Api.Reply created = api.post("/api/v1/agents", json(definition));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.string("id");
    }

    Api.Reply submit(String agentId, JsonObjectBuilder body) {
        return api.post("/api/v1/agents/" + agentId + "/tasks", json(body));
    }

    JsonObject submitted(String agentId, JsonObjectBuilder body) {
        Api.Reply reply = submit(agentId, body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    JsonObject task(String agentId, String taskId) {
        return api.get("/api/v1/agents/" + agentId + "/tasks/" + taskId).json();
    }

    JsonObject awaitTask(String agentId, String taskId, Predicate<JsonObject> condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonObject task = task(agentId, taskId);
        while (!condition.test(task)) {
            assertThat(Instant.now()).as("task %s never %s; last seen %s", taskId, what, task).isBefore(deadline);
            sleep(100);
            task = task(agentId, taskId);
        }
        return task;
    }

    JsonObject awaitState(String agentId, String taskId, String state) {
        return awaitTask(agentId, taskId, t -> t.getString("state").equals(state), "became " + state);
    }

    JsonObject awaitEnd(String agentId, String taskId) {
        return awaitTask(agentId, taskId, t -> FINAL.contains(t.getString("state")), "ended");
    }

    /** The states the task went through, the submission first. */
    List<String> transitions(String agentId, String taskId) {
        return api.get("/api/v1/agents/" + agentId + "/tasks/" + taskId + "/transitions").jsonArray()
                .getValuesAs(JsonObject.class).stream().map(t -> t.getString("to")).toList();
    }

    /** The agent's lifecycle, oldest first, as to-states. */
    List<String> history(String agentId) {
        return api.get("/api/v1/agents/" + agentId + "/history").json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().map(e -> e.getString("to_state")).toList();
    }

    void awaitAgent(String id, String state) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!api.get("/api/v1/agents/" + id).json().getString("state").equals(state)) {
            assertThat(Instant.now()).as("agent %s never %s", id, state).isBefore(deadline);
            sleep(100);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
