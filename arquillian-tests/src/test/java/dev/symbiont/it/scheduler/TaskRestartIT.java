package dev.symbiont.it.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.it.support.AgentJson;
import dev.symbiont.it.support.Api;
import dev.symbiont.it.support.ItSettings;
import dev.symbiont.it.support.LauncherProcess;
import dev.symbiont.it.support.TestSandboxEngineSession;
import dev.symbiont.migration.EmbeddedPostgresServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The restart rule, with kill -9: the server dies with tasks running and queued; after the restart nothing
 * acknowledged is lost, queued tasks run once, a running task with attempts left runs again (at-least-once: its
 * workload sees attempt 2) and one without is failed, and each task started exactly as often as the rule says.
 * Then an orderly stop with a task running: it is recorded preempted and restarts at the next start without
 * spending the restart rule's attempts. PostgreSQL runs apart from the runtime, so it survives the kill as a
 * database server would.
 */
class TaskRestartIT {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final String ADMIN_KEY = "sym_taskrestarts_" + "R".repeat(43);
    private static final Set<String> FINAL = Set.of("succeeded", "failed", "cancelled", "timed_out");

    @Test
    void afterKillNineQueuedTasksRunOnceAndRunningOnesFollowTheRestartRule() throws Exception {
        String server = LauncherProcess.prepareServer("symbiont-task-restart-it");
        Path work = Files.createTempDirectory(ItSettings.workDirectory(), "task-restart-");
        try (var database = EmbeddedPostgresServer.start(work.resolve("external-pg"),
                ItSettings.port("symbiont.it.external.db.port"))) {
            DataSource db = database.dataSource();
            Map<String, String> env = Map.of(
                    "SYMBIONT_HTTP_PORT", Integer.toString(ItSettings.port("symbiont.it.launcher.http.port")),
                    "SYMBIONT_DB_URL", database.jdbcUrl(),
                    "SYMBIONT_DB_USER", EmbeddedPostgresServer.USER,
                    "SYMBIONT_DB_PASSWORD", "not-checked-by-trust-auth",
                    "SYMBIONT_ADMIN_KEY", ADMIN_KEY,
                    "SYMBIONT_SANDBOX_DOCKER_HOST", TestSandboxEngineSession.engine().dockerHost(),
                    "SYMBIONT_NODE_ID", "restart-node");
            String retried;
            String exhausted;
            String serial;
            String[] queued = new String[2];
            String graceful;
            String gracefulTask;
            try (var first = LauncherProcess.start(server, work.resolve("data"), env, work.resolve("first.log"))) {
                first.awaitReady(STARTUP);
                Api api = Api.at(first.baseUrl(), ADMIN_KEY);
                // job-1's first attempt hangs until the kill; its second, and the other tasks, finish at once
                serial = register(api, "if [ \"$SYMBIONT_IDEMPOTENCY_KEY\" = job-1 ] && [ \"$SYMBIONT_TASK_ATTEMPT\" = 1 ];"
                        + " then sleep 300; fi; echo attempt $SYMBIONT_TASK_ATTEMPT");
                exhausted = register(api, "sleep 300");
                retried = submit(api, serial, Json.createObjectBuilder().add("idempotency_key", "job-1"));
                String once = submit(api, exhausted, Json.createObjectBuilder().add("max_attempts", 1));
                // queued behind the agent's running task: an agent runs one task at a time
                queued[0] = submit(api, serial, Json.createObjectBuilder().add("input", "a"));
                queued[1] = submit(api, serial, Json.createObjectBuilder().add("input", "b"));
                awaitState(api, serial, retried, "running");
                awaitState(api, exhausted, once, "running");
                assertThat(state(api, serial, queued[0])).isEqualTo("queued");
                first.killHard();
                exhausted = exhausted + "/" + once;
            }

            try (var restarted = LauncherProcess.start(server, work.resolve("data"), env,
                    work.resolve("restarted.log"))) {
                restarted.awaitReady(STARTUP);
                Api api = Api.at(restarted.baseUrl(), ADMIN_KEY);

                JsonObject again = awaitEnd(api, serial, retried);
                assertThat(again.getString("state")).as(again.toString()).isEqualTo("succeeded");
                assertThat(again.getInt("attempts")).isEqualTo(2);
                assertThat(api.get("/api/v1/agents/" + serial + "/executions/" + again.getString("execution_id"))
                        .json().getString("stdout")).isEqualTo("attempt 2\n");
                String[] parts = exhausted.split("/");
                JsonObject failed = awaitEnd(api, parts[0], parts[1]);
                assertThat(failed.getString("state")).isEqualTo("failed");
                assertThat(failed.getString("reason")).contains("no attempt left");
                for (String q : queued) {
                    JsonObject done = awaitEnd(api, serial, q);
                    assertThat(done.getString("state")).as(done.toString()).isEqualTo("succeeded");
                    assertThat(done.getInt("attempts")).isEqualTo(1);
                }
                // every start is audited: the rule's count, and nothing ran twice beyond it
                assertThat(starts(db, retried)).isEqualTo(2);
                assertThat(starts(db, parts[1])).isEqualTo(1);
                assertThat(starts(db, queued[0])).isEqualTo(1);
                assertThat(starts(db, queued[1])).isEqualTo(1);
                assertThat(count(db, "SELECT count(*) FROM agent_task")).as("no task lost or added").isEqualTo(4);
                assertThat(count(db, "SELECT count(*) FROM sandbox_execution WHERE status = 'INTERRUPTED'"))
                        .as("the two runs cut off by the kill").isEqualTo(2);
                assertThat(api.get("/api/v1/agents/" + serial).json().getString("state")).isEqualTo("ready");
                assertThat(api.get("/api/v1/agents/" + parts[0]).json().getString("state")).isEqualTo("ready");
                Api.Reply retry = api.post("/api/v1/agents/" + serial + "/tasks", "{\"idempotency_key\": \"job-1\"}");
                assertThat(retry.status()).as("a client retrying after the outage finds its task").isEqualTo(200);
                assertThat(retry.string("id")).isEqualTo(retried);

                // an orderly stop hands a running task back as preempted: it restarts, no attempt lost to the rule
                graceful = register(api, "if [ \"$SYMBIONT_TASK_ATTEMPT\" = 1 ]; then sleep 300; fi; echo resumed");
                gracefulTask = submit(api, graceful, Json.createObjectBuilder().add("max_attempts", 2));
                awaitState(api, graceful, gracefulTask, "running");
                restarted.stop();
            }

            try (var third = LauncherProcess.start(server, work.resolve("data"), env, work.resolve("third.log"))) {
                third.awaitReady(STARTUP);
                Api api = Api.at(third.baseUrl(), ADMIN_KEY);
                JsonObject resumed = awaitEnd(api, graceful, gracefulTask);
                assertThat(resumed.getString("state")).as(resumed.toString()).isEqualTo("succeeded");
                assertThat(resumed.getInt("attempts")).isEqualTo(2);
                var moves = api.get("/api/v1/agents/" + graceful + "/tasks/" + gracefulTask + "/transitions")
                        .jsonArray().getValuesAs(JsonObject.class);
                assertThat(moves).extracting(m -> m.getString("to"))
                        .containsExactly("queued", "running", "preempted", "running", "succeeded");
                assertThat(moves.get(2).getString("reason")).contains("shutting down");
                assertThat(api.get("/api/v1/agents/" + graceful).json().getString("state")).isEqualTo("ready");
                third.stop();
            }
        }
    }

    private static String register(Api api, String script) {
        var definition = AgentJson.valid("restart")
                .add("sandbox_tier", "tier1")
                .add("requires_network", false)
                .add("external_apis", Json.createArrayBuilder())
                .add("data_sensitivity", "public")
                .add("resource_limits", AgentJson.limits().add("memory_mb", 64).add("execution_timeout", "PT10M"))
                .add("execution", Json.createObjectBuilder().add("image", TestSandboxEngineSession.engine().image())
                        .add("command", Json.createArrayBuilder().add("/bin/sh").add("-c").add(script)));
        Api.Reply created = api.post("/api/v1/agents", AgentJson.json(definition));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.string("id");
    }

    private static String submit(Api api, String agentId, jakarta.json.JsonObjectBuilder body) {
        Api.Reply reply = api.post("/api/v1/agents/" + agentId + "/tasks", AgentJson.json(body));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.string("id");
    }

    private static String state(Api api, String agentId, String taskId) {
        return api.get("/api/v1/agents/" + agentId + "/tasks/" + taskId).json().getString("state");
    }

    private static void awaitState(Api api, String agentId, String taskId, String wanted) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!state(api, agentId, taskId).equals(wanted)) {
            assertThat(Instant.now()).as("task %s never %s", taskId, wanted).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static JsonObject awaitEnd(Api api, String agentId, String taskId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonObject task = api.get("/api/v1/agents/" + agentId + "/tasks/" + taskId).json();
        while (!FINAL.contains(task.getString("state"))) {
            assertThat(Instant.now()).as("task %s never ended: %s", taskId, task).isBefore(deadline);
            Thread.sleep(100);
            task = api.get("/api/v1/agents/" + agentId + "/tasks/" + taskId).json();
        }
        return task;
    }

    private static long starts(DataSource db, String taskId) throws Exception {
        // sealed or still waiting for the sealer: an acknowledged event is in one of the two
        return count(db, "SELECT count(*) FROM (SELECT event_type, details FROM audit_event UNION ALL "
                + "SELECT event_type, details FROM audit_pending) e WHERE event_type = 'task.started' AND "
                + "(details::jsonb) ->> 'task_id' = '" + UUID.fromString(taskId) + "'");
    }

    private static long count(DataSource db, String sql) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(sql);
             ResultSet r = q.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
