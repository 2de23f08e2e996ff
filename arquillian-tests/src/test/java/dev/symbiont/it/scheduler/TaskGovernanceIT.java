package dev.symbiont.it.scheduler;

import static dev.symbiont.it.scheduler.TaskClient.agent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.it.support.Api;
import dev.symbiont.it.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an operator's lifecycle commands and policy do to an agent's tasks: suspending hands the running task back
 * and holds the others until the agent is resumed, terminating cancels what waits, and cancelling and preempting
 * are scheduling actions policy decides.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TaskGovernanceIT {

    /** A task given "hang" runs until stopped in its first attempt; any other run finishes at once. */
    private static final String FIRST_ATTEMPT_HANGS = "read mode; if [ \"$mode\" = hang ] "
            + "&& [ \"$SYMBIONT_TASK_ATTEMPT\" = 1 ]; then sleep 60; fi; echo done $SYMBIONT_TASK_ATTEMPT";

    private final Api admin = Api.asAdmin();
    private final TaskClient tasks = new TaskClient(admin);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.runtimeEar();
    }

    /** Registers a policy denying the scheduling operation for the named agent; its rule is {@code no-<operation>}. */
    private String denyOperation(String agentName, String operation, String reason) {
        String policy = agentName + "-policy";
        Api.Reply registered = admin.post("/api/v1/policies", """
                {"id": "%s", "rules": [{"id": "no-%s", "effect": "deny", "actions": ["resource.allocate"],
                  "subject": {"agent_names": ["%s"]},
                  "when": [{"attribute": "operation", "op": "eq", "value": "%s"}],
                  "reason": "%s"}]}""".formatted(policy, operation, agentName, operation, reason));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return policy;
    }

    @Test
    void suspendingAnAgentHandsItsRunningTaskBackAndHoldsItsTasksUntilItIsResumed() {
        String id = tasks.register(agent(FIRST_ATTEMPT_HANGS, 64));
        String running = tasks.submitted(id, Json.createObjectBuilder().add("input", "hang\n")).getString("id");
        String behind = tasks.submitted(id, Json.createObjectBuilder()).getString("id");
        tasks.awaitState(id, running, "running");
        tasks.awaitAgent(id, "running"); // the task is claimed before its start moves the agent

        Api.Reply suspended = admin.post("/api/v1/agents/" + id + "/suspend", "{\"reason\": \"maintenance\"}");

        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        JsonObject handedBack = tasks.awaitState(id, running, "preempted");
        assertThat(handedBack.getString("reason")).contains("agent suspended by apikey:", "maintenance");
        assertThat(admin.get("/api/v1/agents/" + id + "/executions/" + handedBack.getString("execution_id")).json()
                .getString("status")).isEqualTo("stopped");
        String submittedWhileSuspended = tasks.submitted(id, Json.createObjectBuilder()).getString("id");
        assertThat(admin.get("/api/v1/status").json().getInt("held_agents")).isPositive();
        assertThat(admin.anonymous().get("/metrics").body())
                .containsPattern("symbiont_scheduler_held_agents[^\\n]* [1-9]");
        TaskClient.sleep(1500); // the scheduler had every chance to start something
        assertThat(tasks.task(id, running).getString("state")).isEqualTo("preempted");
        assertThat(tasks.task(id, behind).getString("state")).isEqualTo("queued");
        assertThat(tasks.task(id, submittedWhileSuspended).getString("state")).isEqualTo("queued");
        assertThat(admin.get("/api/v1/agents/" + id).json().getString("state")).isEqualTo("suspended");

        Api.Reply resumed = admin.post("/api/v1/agents/" + id + "/resume", "{}");

        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
        JsonObject rerun = tasks.awaitEnd(id, running);
        assertThat(rerun.getString("state")).as(rerun.toString()).isEqualTo("succeeded");
        assertThat(rerun.getInt("attempts")).isEqualTo(2);
        assertThat(admin.get("/api/v1/agents/" + id + "/executions/" + rerun.getString("execution_id")).json()
                .getString("stdout")).isEqualTo("done 2\n");
        assertThat(tasks.transitions(id, running))
                .containsExactly("queued", "running", "preempted", "running", "succeeded");
        for (String task : List.of(behind, submittedWhileSuspended)) {
            assertThat(tasks.awaitEnd(id, task).getString("state")).isEqualTo("succeeded");
        }
        tasks.awaitAgent(id, "ready");
        assertThat(tasks.history(id)).containsSubsequence("running", "suspended", "running", "ready");
    }

    @Test
    void terminatingAnAgentCancelsItsWaitingTasksWithIt() {
        String id = tasks.register(agent("sleep 60", 64));
        String running = tasks.submitted(id, Json.createObjectBuilder()).getString("id");
        String queued = tasks.submitted(id, Json.createObjectBuilder()).getString("id");
        tasks.awaitState(id, running, "running");
        tasks.awaitAgent(id, "running");
        assertThat(admin.post("/api/v1/agents/" + id + "/suspend", "{}").status()).isEqualTo(200);
        tasks.awaitState(id, running, "preempted");

        Api.Reply terminated = admin.post("/api/v1/agents/" + id + "/terminate", "{}");

        assertThat(terminated.status()).as(terminated.toString()).isEqualTo(200);
        for (String task : List.of(running, queued)) {
            JsonObject ended = tasks.task(id, task);
            assertThat(ended.getString("state")).as("cancelled with the termination").isEqualTo("cancelled");
            assertThat(ended.getString("reason")).startsWith("agent terminated by apikey:");
        }
        List<JsonObject> ends = admin.get("/api/v1/audit/events?agent_id=" + id + "&type=task.ended").json()
                .getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(ends).extracting(e -> e.getJsonObject("details").getString("task_id"))
                .containsExactlyInAnyOrder(running, queued);
        Api.Reply afterwards = tasks.submit(id, Json.createObjectBuilder());
        assertThat(afterwards.status()).as(afterwards.toString()).isEqualTo(409);
    }

    @Test
    void cancellingATaskIsDecidedByPolicy() {
        String name = "nocancel-" + UUID.randomUUID().toString().substring(0, 8);
        String id = tasks.register(agent("sleep 60", 64).add("name", name));
        String taskId = tasks.submitted(id, Json.createObjectBuilder()).getString("id");
        tasks.awaitState(id, taskId, "running");
        String policy = denyOperation(name, "cancel", "this agent's work is cancelled by its owner only");

        Api.Reply denied = admin.post("/api/v1/agents/" + id + "/tasks/" + taskId + "/cancel", "");

        assertThat(denied.status()).as(denied.toString()).isEqualTo(403);
        assertThat(denied.string("detail")).contains("owner only");
        assertThat(tasks.task(id, taskId).getString("state")).isEqualTo("running");

        assertThat(admin.delete("/api/v1/policies/" + policy).status()).isIn(200, 204);
        Api.Reply allowed = admin.post("/api/v1/agents/" + id + "/tasks/" + taskId + "/cancel", "");
        assertThat(allowed.status()).as(allowed.toString()).isIn(200, 202);
        assertThat(tasks.awaitEnd(id, taskId).getString("state")).isEqualTo("cancelled");
    }

    @Test
    void policyProtectsAnAgentsTasksFromPreemptionAndAnotherVictimIsTaken() {
        // two low tasks of 128 MB fill the 256 MB node; the newer one, the first choice as victim, is protected
        String name = "keep-" + UUID.randomUUID().toString().substring(0, 8);
        String exposed = tasks.register(agent("sleep 6; echo exposed", 128));
        String kept = tasks.register(agent("sleep 6; echo kept", 128).add("name", name));
        String critical = tasks.register(agent("echo critical", 128));
        String policy = denyOperation(name, "preempt", "billing runs are never interrupted");
        try {
            String exposedTask = tasks.submitted(exposed, Json.createObjectBuilder().add("priority", "low"))
                    .getString("id");
            tasks.awaitState(exposed, exposedTask, "running");
            String keptTask = tasks.submitted(kept, Json.createObjectBuilder().add("priority", "low")).getString("id");
            tasks.awaitState(kept, keptTask, "running");

            String criticalTask = tasks.submitted(critical, Json.createObjectBuilder().add("priority", "critical"))
                    .getString("id");

            assertThat(tasks.awaitEnd(critical, criticalTask).getString("state")).isEqualTo("succeeded");
            assertThat(tasks.awaitEnd(kept, keptTask).getString("state")).isEqualTo("succeeded");
            assertThat(tasks.transitions(kept, keptTask)).containsExactly("queued", "running", "succeeded");
            assertThat(tasks.awaitEnd(exposed, exposedTask).getString("state")).isEqualTo("succeeded");
            assertThat(tasks.transitions(exposed, exposedTask))
                    .containsExactly("queued", "running", "preempted", "running", "succeeded");
            List<JsonObject> decisions = admin.get("/api/v1/audit/events?agent_id=" + kept
                    + "&type=policy.decision").json().getJsonArray("items").getValuesAs(JsonObject.class);
            assertThat(decisions).as("the protecting decision is on record").anySatisfy(e ->
                    assertThat(e.getJsonObject("details").getString("rule_id", "")).isEqualTo(policy + "/no-preempt"));
        } finally {
            admin.delete("/api/v1/policies/" + policy);
        }
    }

    @Test
    void aMalformedUsageWindowIsABadRequest() {
        String id = tasks.register(agent("true", 64));

        Api.Reply reply = admin.get("/api/v1/agents/" + id + "/usage?since=yesterday");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.string("detail")).contains("since");
    }
}
