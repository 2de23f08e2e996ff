package dev.symbiont.it.scheduler;

import static dev.symbiont.it.scheduler.TaskClient.agent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.it.support.AgentJson;
import dev.symbiont.it.support.Api;
import dev.symbiont.it.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.UUID;
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

    private final Api admin = Api.asAdmin();
    private final TaskClient tasks = new TaskClient(admin);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.runtimeEar();
    }

    @Test
    void aTaskRunsInTheSandboxWithItsInputAndTheAgentFollowsItsLifecycle() {
        String id = tasks.register(agent("read word; echo \"$word $SYMBIONT_TASK_ID $SYMBIONT_TASK_ATTEMPT\"", 64));

        JsonObject queued = tasks.submitted(id, Json.createObjectBuilder().add("priority", "high")
                .add("input", "hello\n").add("resources", Json.createObjectBuilder().add("memory_mb", 32)));
        assertThat(queued.getString("priority")).isEqualTo("high");
        assertThat(queued.getJsonObject("resources").getInt("memory_mb")).isEqualTo(32);
        assertThat(queued.getJsonObject("resources").getString("timeout")).isEqualTo("PT1M");
        String taskId = queued.getString("id");

        JsonObject done = tasks.awaitEnd(id, taskId);

        assertThat(done.getString("state")).as(done.toString()).isEqualTo("succeeded");
        assertThat(done.getInt("exit_code")).isZero();
        assertThat(done.getInt("attempts")).isEqualTo(1);
        assertThat(done.getString("node_id")).isEqualTo("it-node");
        JsonObject execution = admin.get("/api/v1/agents/" + id + "/executions/" + done.getString("execution_id"))
                .json();
        assertThat(execution.getString("stdout")).isEqualTo("hello " + taskId + " 1\n");
        assertThat(execution.getJsonObject("limits").getJsonNumber("memory_bytes").longValue()).isEqualTo(32L << 20);
        assertThat(tasks.transitions(id, taskId)).containsExactly("queued", "running", "succeeded");
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
        String id = tasks.register(agent("true", 64));
        JsonObjectBuilder body = Json.createObjectBuilder().add("input", "x").add("idempotency_key", "order-42");

        JsonObject first = tasks.submitted(id, body);
        Api.Reply retry = tasks.submit(id, Json.createObjectBuilder().add("input", "x")
                .add("idempotency_key", "order-42"));
        Api.Reply byHeader = admin.header("Idempotency-Key", "order-42")
                .post("/api/v1/agents/" + id + "/tasks", "{\"input\": \"x\"}");
        Api.Reply different = tasks.submit(id, Json.createObjectBuilder().add("input", "y")
                .add("idempotency_key", "order-42"));

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
        String id = tasks.register(agent("true", 64));
        String tooBig = tasks.register(agent("true", 1024));
        String noSpec = tasks.register(AgentJson.valid("task-nospec").add("requires_network", false)
                .add("external_apis", Json.createArrayBuilder()));

        assertThat(tasks.submit(id, Json.createObjectBuilder().add("priority", "urgent")).status()).isEqualTo(400);
        assertThat(tasks.submit(id, Json.createObjectBuilder().add("resources", Json.createObjectBuilder()
                .add("memory_mb", -1))).status()).isEqualTo(400);
        assertThat(tasks.submit(id, Json.createObjectBuilder().add("input", "a").add("input_base64", "YQ==")).status())
                .isEqualTo(400);
        Api.Reply aboveAgent = tasks.submit(id, Json.createObjectBuilder().add("resources", Json.createObjectBuilder()
                .add("memory_mb", 128)));
        assertThat(aboveAgent.status()).as(aboveAgent.toString()).isEqualTo(403);
        Api.Reply aboveNode = tasks.submit(tooBig, Json.createObjectBuilder());
        assertThat(aboveNode.status()).as(aboveNode.toString()).isEqualTo(422);
        assertThat(aboveNode.json().getString("type")).endsWith("/resource-request-rejected");
        assertThat(tasks.submit(noSpec, Json.createObjectBuilder()).status()).isEqualTo(409);
        assertThat(tasks.submit(UUID.randomUUID().toString(), Json.createObjectBuilder()).status()).isEqualTo(404);
        assertThat(Api.asAdmin().withToken("wrong").post("/api/v1/agents/" + id + "/tasks", "{}").status())
                .isEqualTo(401);

        for (String agent : List.of(id, tooBig, noSpec)) {
            assertThat(admin.get("/api/v1/agents/" + agent + "/tasks").json().getJsonArray("items")).isEmpty();
        }
    }

    @Test
    void cancellingAWaitingTaskEndsItAtOnceAndARunningOneStopsItsSandbox() {
        String id = tasks.register(agent("echo started; sleep 60", 64));
        String running = tasks.submitted(id, Json.createObjectBuilder()).getString("id");
        String waiting = tasks.submitted(id, Json.createObjectBuilder()).getString("id");
        tasks.awaitTask(id, running, t -> t.getString("state").equals("running"), "started");

        Api.Reply cancelWaiting = admin.post("/api/v1/agents/" + id + "/tasks/" + waiting + "/cancel", "");
        Api.Reply cancelRunning = admin.post("/api/v1/agents/" + id + "/tasks/" + running + "/cancel", "");

        assertThat(cancelWaiting.status()).as(cancelWaiting.toString()).isEqualTo(200);
        assertThat(cancelWaiting.json().getString("state")).isEqualTo("cancelled");
        assertThat(cancelRunning.status()).as(cancelRunning.toString()).isIn(200, 202);
        JsonObject stopped = tasks.awaitEnd(id, running);
        assertThat(stopped.getString("state")).isEqualTo("cancelled");
        assertThat(stopped.getString("reason")).startsWith("cancelled by apikey:");
        assertThat(admin.get("/api/v1/agents/" + id + "/executions/" + stopped.getString("execution_id")).json()
                .getString("status")).isEqualTo("stopped");
        assertThat(tasks.transitions(id, waiting)).containsExactly("queued", "cancelled");
        Api.Reply again = admin.post("/api/v1/agents/" + id + "/tasks/" + running + "/cancel", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().getString("type")).endsWith("/task-not-cancellable");
        tasks.awaitAgent(id, "ready");
    }

    @Test
    void theTimeoutKillsATask() {
        String id = tasks.register(agent("sleep 60", 64));
        String taskId = tasks.submitted(id, Json.createObjectBuilder().add("resources", Json.createObjectBuilder()
                .add("timeout", "PT1S"))).getString("id");

        JsonObject done = tasks.awaitEnd(id, taskId);

        assertThat(done.getString("state")).as(done.toString()).isEqualTo("timed_out");
        assertThat(done.getString("reason")).contains("PT1S");
        tasks.awaitAgent(id, "ready");
    }

    @Test
    void aCriticalTaskPreemptsTheLowestRunningOneWhichResumesAndCompletesLater() {
        // two low tasks of 128 MB fill the 256 MB node; a critical one of 128 MB must take one's place
        String lowA = tasks.register(agent("sleep 4; echo low", 128));
        String lowB = tasks.register(agent("sleep 4; echo low", 128));
        String critical = tasks.register(agent("echo critical", 128));
        String a = tasks.submitted(lowA, Json.createObjectBuilder().add("priority", "low")).getString("id");
        String b = tasks.submitted(lowB, Json.createObjectBuilder().add("priority", "low")).getString("id");
        tasks.awaitTask(lowA, a, t -> t.getString("state").equals("running"), "started");
        tasks.awaitTask(lowB, b, t -> t.getString("state").equals("running"), "started");

        String c = tasks.submitted(critical, Json.createObjectBuilder().add("priority", "critical")).getString("id");

        JsonObject criticalDone = tasks.awaitEnd(critical, c);
        assertThat(criticalDone.getString("state")).as(criticalDone.toString()).isEqualTo("succeeded");
        JsonObject doneA = tasks.awaitEnd(lowA, a);
        JsonObject doneB = tasks.awaitEnd(lowB, b);
        assertThat(List.of(doneA, doneB)).allSatisfy(t -> assertThat(t.getString("state")).isEqualTo("succeeded"));
        List<List<String>> moves = List.of(tasks.transitions(lowA, a), tasks.transitions(lowB, b));
        // exactly one was preempted, then ran again to the end
        assertThat(moves).filteredOn(m -> m.contains("preempted")).singleElement()
                .isEqualTo(List.of("queued", "running", "preempted", "running", "succeeded"));
        JsonObject preempted = doneA.getInt("attempts") == 2 ? doneA : doneB;
        String preemptedAgent = preempted == doneA ? lowA : lowB;
        assertThat(preempted.getInt("attempts")).isEqualTo(2);
        assertThat(tasks.history(preemptedAgent)).containsSubsequence("running", "suspended", "running", "ready");
        List<JsonObject> preemptions = admin.get("/api/v1/audit/events?agent_id=" + preemptedAgent
                + "&type=task.preempted").json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(preemptions).singleElement().satisfies(e -> assertThat(e.getJsonObject("details")
                .getString("reason")).contains("critical task " + c));
    }

    @Test
    void statusShowsTheNodesCapacityAndQueues() {
        String id = tasks.register(agent("echo measured", 64));
        tasks.awaitEnd(id, tasks.submitted(id, Json.createObjectBuilder()).getString("id"));

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
}
