package dev.symbiont.it.scheduler;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tasks end to end on Liberty: queued durably, placed by the scheduler within the node's capacity (256 MB in the
 * ITs), run in real sandbox containers, preempted for critical work and resumed, cancelled, timed out; every move
 * persisted, audited and followed by the agent's lifecycle.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AgentTaskIT {

    private static final Set<String> FINAL = Set.of("succeeded", "failed", "cancelled", "timed_out");

    private final Api admin = Api.asAdmin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.runtimeEar();
    }

    private static JsonObjectBuilder agent(String script, int memoryMb) {
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

    private String register(JsonObjectBuilder definition) {
        Api.Reply created = admin.post("/api/v1/agents", json(definition));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.string("id");
    }

    private Api.Reply submit(String agentId, JsonObjectBuilder body) {
        return admin.post("/api/v1/agents/" + agentId + "/tasks", json(body));
    }

    private JsonObject submitted(String agentId, JsonObjectBuilder body) {
        Api.Reply reply = submit(agentId, body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    private JsonObject task(String agentId, String taskId) {
        return admin.get("/api/v1/agents/" + agentId + "/tasks/" + taskId).json();
    }

    private JsonObject awaitTask(String agentId, String taskId, Predicate<JsonObject> condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonObject task = task(agentId, taskId);
        while (!condition.test(task)) {
            assertThat(Instant.now()).as("task %s never %s; last seen %s", taskId, what, task).isBefore(deadline);
            sleep(100);
            task = task(agentId, taskId);
        }
        return task;
    }

    private JsonObject awaitEnd(String agentId, String taskId) {
        return awaitTask(agentId, taskId, t -> FINAL.contains(t.getString("state")), "ended");
    }

    private List<String> transitions(String agentId, String taskId) {
        return admin.get("/api/v1/agents/" + agentId + "/tasks/" + taskId + "/transitions").jsonArray()
                .getValuesAs(JsonObject.class).stream().map(t -> t.getString("to")).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void aTaskRunsInTheSandboxWithItsInputAndTheAgentFollowsItsLifecycle() {
        String id = register(agent("read word; echo \"$word $SYMBIONT_TASK_ID $SYMBIONT_TASK_ATTEMPT\"", 64));

        JsonObject queued = submitted(id, Json.createObjectBuilder().add("priority", "high").add("input", "hello\n")
                .add("resources", Json.createObjectBuilder().add("memory_mb", 32)));
        assertThat(queued.getString("priority")).isEqualTo("high");
        assertThat(queued.getJsonObject("resources").getInt("memory_mb")).isEqualTo(32);
        assertThat(queued.getJsonObject("resources").getString("timeout")).isEqualTo("PT1M");
        String taskId = queued.getString("id");

        JsonObject done = awaitEnd(id, taskId);

        assertThat(done.getString("state")).as(done.toString()).isEqualTo("succeeded");
        assertThat(done.getInt("exit_code")).isZero();
        assertThat(done.getInt("attempts")).isEqualTo(1);
        assertThat(done.getString("node_id")).isEqualTo("it-node");
        JsonObject execution = admin.get("/api/v1/agents/" + id + "/executions/" + done.getString("execution_id"))
                .json();
        assertThat(execution.getString("stdout")).isEqualTo("hello " + taskId + " 1\n");
        assertThat(execution.getJsonObject("limits").getJsonNumber("memory_bytes").longValue()).isEqualTo(32L << 20);
        assertThat(transitions(id, taskId)).containsExactly("queued", "running", "succeeded");
        List<String> history = admin.get("/api/v1/agents/" + id + "/history").json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().map(e -> e.getString("to_state")).toList();
        assertThat(history).containsSubsequence("ready", "running", "ready");
        assertThat(admin.get("/api/v1/agents/" + id).json().getString("state")).isEqualTo("ready");
        List<String> events = admin.get("/api/v1/audit/events?agent_id=" + id
                + "&type=task.submitted&type=task.started&type=task.ended").json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().map(e -> e.getString("event_type")).toList();
        assertThat(events).containsExactly("task.submitted", "task.started", "task.ended");
        JsonObject usage = admin.get("/api/v1/agents/" + id + "/usage").json();
        assertThat(usage.getJsonObject("executions").getInt("exited")).isEqualTo(1);
        assertThat(usage.getJsonObject("tasks").getInt("succeeded")).isEqualTo(1);
        assertThat(usage.getJsonNumber("output_bytes").longValue()).isEqualTo(execution.getJsonNumber("stdout_bytes")
                .longValue());
        assertThat(usage).doesNotContainKey("holding");
    }

    @Test
    void anIdempotencyKeyReturnsTheFirstTaskAndRefusesADifferentRequest() {
        String id = register(agent("true", 64));
        JsonObjectBuilder body = Json.createObjectBuilder().add("input", "x").add("idempotency_key", "order-42");

        JsonObject first = submitted(id, body);
        Api.Reply retry = submit(id, Json.createObjectBuilder().add("input", "x").add("idempotency_key", "order-42"));
        Api.Reply byHeader = admin.header("Idempotency-Key", "order-42")
                .post("/api/v1/agents/" + id + "/tasks", "{\"input\": \"x\"}");
        Api.Reply different = submit(id, Json.createObjectBuilder().add("input", "y").add("idempotency_key", "order-42"));

        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.string("id")).isEqualTo(first.getString("id"));
        assertThat(byHeader.status()).as(byHeader.toString()).isEqualTo(200);
        assertThat(byHeader.string("id")).isEqualTo(first.getString("id"));
        assertThat(different.status()).as(different.toString()).isEqualTo(409);
        assertThat(different.json().getString("type")).endsWith("/idempotency-key-reused");
        assertThat(admin.get("/api/v1/agents/" + id + "/tasks").json().getJsonArray("items")).hasSize(1);
    }

    @Test
    void badSubmissionsAreClientErrorsAndQueueNothing() {
        String id = register(agent("true", 64));
        String tooBig = register(agent("true", 1024));
        String noSpec = register(AgentJson.valid("task-nospec").add("requires_network", false)
                .add("external_apis", Json.createArrayBuilder()));

        assertThat(submit(id, Json.createObjectBuilder().add("priority", "urgent")).status()).isEqualTo(400);
        assertThat(submit(id, Json.createObjectBuilder().add("resources", Json.createObjectBuilder()
                .add("memory_mb", -1))).status()).isEqualTo(400);
        assertThat(submit(id, Json.createObjectBuilder().add("input", "a").add("input_base64", "YQ==")).status())
                .isEqualTo(400);
        Api.Reply aboveAgent = submit(id, Json.createObjectBuilder().add("resources", Json.createObjectBuilder()
                .add("memory_mb", 128)));
        assertThat(aboveAgent.status()).as(aboveAgent.toString()).isEqualTo(403);
        Api.Reply aboveNode = submit(tooBig, Json.createObjectBuilder());
        assertThat(aboveNode.status()).as(aboveNode.toString()).isEqualTo(422);
        assertThat(aboveNode.json().getString("type")).endsWith("/resource-request-rejected");
        assertThat(submit(noSpec, Json.createObjectBuilder()).status()).isEqualTo(409);
        assertThat(submit(UUID.randomUUID().toString(), Json.createObjectBuilder()).status()).isEqualTo(404);
        assertThat(Api.asAdmin().withToken("wrong").post("/api/v1/agents/" + id + "/tasks", "{}").status())
                .isEqualTo(401);

        for (String agent : List.of(id, tooBig, noSpec)) {
            assertThat(admin.get("/api/v1/agents/" + agent + "/tasks").json().getJsonArray("items")).isEmpty();
        }
    }

    @Test
    void cancellingAWaitingTaskEndsItAtOnceAndARunningOneStopsItsSandbox() {
        String id = register(agent("echo started; sleep 60", 64));
        String running = submitted(id, Json.createObjectBuilder()).getString("id");
        String waiting = submitted(id, Json.createObjectBuilder()).getString("id");
        awaitTask(id, running, t -> t.getString("state").equals("running"), "started");

        Api.Reply cancelWaiting = admin.post("/api/v1/agents/" + id + "/tasks/" + waiting + "/cancel", "");
        Api.Reply cancelRunning = admin.post("/api/v1/agents/" + id + "/tasks/" + running + "/cancel", "");

        assertThat(cancelWaiting.status()).as(cancelWaiting.toString()).isEqualTo(200);
        assertThat(cancelWaiting.json().getString("state")).isEqualTo("cancelled");
        assertThat(cancelRunning.status()).as(cancelRunning.toString()).isIn(200, 202);
        JsonObject stopped = awaitEnd(id, running);
        assertThat(stopped.getString("state")).isEqualTo("cancelled");
        assertThat(stopped.getString("reason")).startsWith("cancelled by apikey:");
        assertThat(admin.get("/api/v1/agents/" + id + "/executions/" + stopped.getString("execution_id")).json()
                .getString("status")).isEqualTo("stopped");
        assertThat(transitions(id, waiting)).containsExactly("queued", "cancelled");
        Api.Reply again = admin.post("/api/v1/agents/" + id + "/tasks/" + running + "/cancel", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().getString("type")).endsWith("/task-not-cancellable");
        awaitAgent(id, "ready");
    }

    @Test
    void theTimeoutKillsATask() {
        String id = register(agent("sleep 60", 64));
        String taskId = submitted(id, Json.createObjectBuilder().add("resources", Json.createObjectBuilder()
                .add("timeout", "PT1S"))).getString("id");

        JsonObject done = awaitEnd(id, taskId);

        assertThat(done.getString("state")).as(done.toString()).isEqualTo("timed_out");
        assertThat(done.getString("reason")).contains("PT1S");
        awaitAgent(id, "ready");
    }

    @Test
    void aCriticalTaskPreemptsTheLowestRunningOneWhichResumesAndCompletesLater() {
        // two low tasks of 128 MB fill the 256 MB node; a critical one of 128 MB must take one's place
        String lowA = register(agent("sleep 4; echo low", 128));
        String lowB = register(agent("sleep 4; echo low", 128));
        String critical = register(agent("echo critical", 128));
        String a = submitted(lowA, Json.createObjectBuilder().add("priority", "low")).getString("id");
        String b = submitted(lowB, Json.createObjectBuilder().add("priority", "low")).getString("id");
        awaitTask(lowA, a, t -> t.getString("state").equals("running"), "started");
        awaitTask(lowB, b, t -> t.getString("state").equals("running"), "started");

        String c = submitted(critical, Json.createObjectBuilder().add("priority", "critical")).getString("id");

        JsonObject criticalDone = awaitEnd(critical, c);
        assertThat(criticalDone.getString("state")).as(criticalDone.toString()).isEqualTo("succeeded");
        JsonObject doneA = awaitEnd(lowA, a);
        JsonObject doneB = awaitEnd(lowB, b);
        assertThat(List.of(doneA, doneB)).allSatisfy(t -> assertThat(t.getString("state")).isEqualTo("succeeded"));
        List<List<String>> moves = List.of(transitions(lowA, a), transitions(lowB, b));
        // exactly one was preempted, then ran again to the end
        assertThat(moves).filteredOn(m -> m.contains("preempted")).singleElement()
                .isEqualTo(List.of("queued", "running", "preempted", "running", "succeeded"));
        JsonObject preempted = doneA.getInt("attempts") == 2 ? doneA : doneB;
        String preemptedAgent = preempted == doneA ? lowA : lowB;
        assertThat(preempted.getInt("attempts")).isEqualTo(2);
        List<String> history = admin.get("/api/v1/agents/" + preemptedAgent + "/history").json()
                .getJsonArray("items").getValuesAs(JsonObject.class).stream().map(e -> e.getString("to_state")).toList();
        assertThat(history).containsSubsequence("running", "suspended", "running", "ready");
        List<JsonObject> preemptions = admin.get("/api/v1/audit/events?agent_id=" + preemptedAgent
                + "&type=task.preempted").json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(preemptions).singleElement().satisfies(e -> assertThat(e.getJsonObject("details")
                .getString("reason")).contains("critical task " + c));
    }

    @Test
    void statusShowsTheNodesCapacityAndQueues() {
        String id = register(agent("echo measured", 64));
        awaitEnd(id, submitted(id, Json.createObjectBuilder()).getString("id"));

        JsonObject status = admin.get("/api/v1/status").json();

        assertThat(status.getString("node_id")).isEqualTo("it-node");
        assertThat(status.getString("strategy")).isEqualTo("first-fit");
        assertThat(status.getJsonObject("capacity").getInt("memory_mb")).isEqualTo(256);
        assertThat(status.getJsonObject("capacity").getJsonNumber("cpu_cores").doubleValue()).isEqualTo(2.0);
        assertThat(status.getJsonObject("queue_depth").keySet()).containsExactly("low", "normal", "high", "critical");
        assertThat(status.getJsonObject("running_per_tier").keySet()).containsExactlyInAnyOrder("tier1", "tier2");
        String metrics = admin.anonymous().get("/metrics").body();
        assertThat(metrics).contains("symbiont_scheduler_queue_depth{", "symbiont_scheduler_capacity_free{",
                "symbiont_scheduler_task_runs_total{", "symbiont_sandbox_run_milliseconds_total{");
    }

    private void awaitAgent(String id, String state) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!admin.get("/api/v1/agents/" + id).json().getString("state").equals(state)) {
            assertThat(Instant.now()).as("agent %s never %s", id, state).isBefore(deadline);
            sleep(100);
        }
    }
}
