package dev.symbiont.it.runtime;

import static dev.symbiont.it.support.AgentJson.json;
import static dev.symbiont.it.support.AgentJson.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.it.support.Api;
import dev.symbiont.it.support.ItSettings;
import dev.symbiont.it.support.LauncherProcess;
import dev.symbiont.migration.EmbeddedPostgresServer;
import jakarta.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The run command, end to end: embedded PostgreSQL + Liberty on a fresh machine, the first admin key printed once,
 * a clean stop, data surviving a restart; and the same runtime against a separately started, external PostgreSQL.
 */
class LauncherIT {

    private static final Duration STARTUP = Duration.ofMinutes(3);

    @Test
    void runsOnEmbeddedDefaultsPrintsTheFirstAdminKeyOnceAndKeepsDataAcrossRestarts() throws Exception {
        String server = LauncherProcess.prepareServer("symbiont-launcher-it");
        Path work = Files.createTempDirectory(ItSettings.workDirectory(), "embedded-");
        int httpPort = ItSettings.port("symbiont.it.launcher.http.port");
        int dbPort = ItSettings.port("symbiont.it.launcher.db.port");
        // a machine without a Docker engine: the runtime starts, readiness and executions say what is missing
        var env = Map.of("SYMBIONT_HTTP_PORT", Integer.toString(httpPort),
                "SYMBIONT_EMBEDDED_DB_PORT", Integer.toString(dbPort),
                "SYMBIONT_SANDBOX_DOCKER_HOST", "unix:///nonexistent/symbiont/docker.sock");

        String adminKey;
        String agentId;
        try (var first = LauncherProcess.start(server, work.resolve("data"), env, work.resolve("first.log"))) {
            first.awaitReady(STARTUP);
            assertThat(first.output()).contains("/api/v1", "/health", "/metrics", "/openapi",
                    "embedded PostgreSQL on port " + dbPort);
            adminKey = first.printedAdminKey().orElseThrow(() -> new AssertionError("no admin key printed"));
            Api api = Api.at(first.baseUrl(), adminKey);
            agentId = api.post("/api/v1/agents", json(valid("survivor"))).string("id");
            assertThat(api.post("/api/v1/agents/" + agentId + "/start", "{}").status()).isEqualTo(200);
            withoutDockerEngineReadinessIsDownAndExecutionsAre503(first, api);

            first.stop();
            assertThat(LauncherProcess.listening(httpPort)).as("Liberty stopped").isFalse();
            assertThat(LauncherProcess.listening(dbPort)).as("PostgreSQL stopped").isFalse();
        }
        assertThat(Files.exists(ItSettings.wlpHome().resolve("usr/servers").resolve(server)
                .resolve("initial-admin-key"))).as("key file removed after printing").isFalse();

        try (var second = LauncherProcess.start(server, work.resolve("data"), env, work.resolve("second.log"))) {
            second.awaitReady(STARTUP);
            assertThat(second.printedAdminKey()).as("the admin key is printed on the first start only").isEmpty();
            Api api = Api.at(second.baseUrl(), adminKey);
            Api.Reply agent = api.get("/api/v1/agents/" + agentId);
            assertThat(agent.status()).isEqualTo(200);
            assertThat(agent.string("state")).isEqualTo("running");
            assertThat(api.get("/api/v1/agents/" + agentId + "/history").json().getJsonArray("items")).hasSize(3);
        }
    }

    private static void withoutDockerEngineReadinessIsDownAndExecutionsAre503(LauncherProcess launcher, Api api)
            throws IOException {
        assertThat(launcher.output()).contains("Readiness  DOWN").contains("sandbox")
                .contains("Docker engine not reachable at unix:///nonexistent/symbiont/docker.sock");
        assertThat(api.anonymous().get("/health/ready").status()).isEqualTo(503);
        var runnable = valid("no-engine").add("sandbox_tier", "auto").add("requires_network", false)
                .add("external_apis", Json.createArrayBuilder())
                .add("execution", Json.createObjectBuilder().add("image", "busybox:latest")
                        .add("command", Json.createArrayBuilder().add("true")));
        String id = api.post("/api/v1/agents", json(runnable)).string("id");

        Api.Reply reply = api.post("/api/v1/agents/" + id + "/execute", "{}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
        assertThat(reply.string("type")).endsWith("/sandbox-unavailable");
        assertThat(reply.string("detail")).contains("Docker engine not reachable");
        assertThat(api.get("/api/v1/agents/" + id + "/executions").json().getJsonArray("items").getJsonObject(0)
                .getString("status")).isEqualTo("failed");
    }

    @Test
    void runsAgainstAnExternalPostgresGivenByConfiguration() throws Exception {
        String server = LauncherProcess.prepareServer("symbiont-external-it");
        Path work = Files.createTempDirectory(ItSettings.workDirectory(), "external-");
        int httpPort = ItSettings.port("symbiont.it.launcher.http.port");
        int externalPort = ItSettings.port("symbiont.it.external.db.port");
        String password = UUID.randomUUID().toString();
        String adminKey = "sym_externalitaa_" + "E".repeat(43);

        try (var external = EmbeddedPostgresServer.start(work.resolve("external-pg"), externalPort)) {
            try (Connection c = external.dataSource().getConnection(); var s = c.createStatement()) {
                s.execute("CREATE ROLE symbiont_app LOGIN PASSWORD '" + password + "'");
                s.execute("CREATE DATABASE symbiont_ext OWNER symbiont_app");
            }
            var env = Map.of("SYMBIONT_HTTP_PORT", Integer.toString(httpPort),
                    "SYMBIONT_DB_URL", "jdbc:postgresql://localhost:" + externalPort + "/symbiont_ext",
                    "SYMBIONT_DB_USER", "symbiont_app",
                    "SYMBIONT_DB_PASSWORD", password,
                    "SYMBIONT_ADMIN_KEY", adminKey);
            try (var launcher = LauncherProcess.start(server, work.resolve("data"), env, work.resolve("run.log"))) {
                launcher.awaitReady(STARTUP);
                assertThat(launcher.output()).contains("external PostgreSQL at jdbc:postgresql://localhost:"
                        + externalPort + "/symbiont_ext");
                assertThat(launcher.printedAdminKey()).as("a configured admin key is never printed").isEmpty();

                String id = Api.at(launcher.baseUrl(), adminKey).post("/api/v1/agents", json(valid("external")))
                        .string("id");

                var ext = new org.postgresql.ds.PGSimpleDataSource();
                ext.setUrl("jdbc:postgresql://localhost:" + externalPort + "/symbiont_ext");
                ext.setUser("symbiont_app");
                ext.setPassword(password);
                try (Connection c = ext.getConnection();
                     PreparedStatement q = c.prepareStatement("SELECT state, created_by FROM agent WHERE id = ?")) {
                    q.setObject(1, UUID.fromString(id));
                    try (ResultSet rs = q.executeQuery()) {
                        assertThat(rs.next()).as("agent row in the external database").isTrue();
                        assertThat(rs.getString(1)).isEqualTo("READY");
                        assertThat(rs.getString(2)).isEqualTo("apikey:configured-admin(externalitaa)");
                    }
                }
            }
            assertThat(work.resolve("data/postgres")).as("no embedded database was started").doesNotExist();
        }
    }
}
