package dev.symbiont.it.security;

import static dev.symbiont.it.support.AgentJson.json;
import static dev.symbiont.it.support.AgentJson.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.it.support.Api;
import dev.symbiont.it.support.Deployments;
import dev.symbiont.it.support.TestDatabaseSession;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bearer API keys with roles: who gets in (401) and who may do what (403). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthIT {

    private final Api admin = Api.asAdmin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.runtimeEar();
    }

    private String issue(String role) {
        Api.Reply reply = admin.post("/api/v1/api-keys", "{\"name\":\"it-" + role + "\",\"role\":\"" + role + "\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.string("token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=", "Bearer not-a-key",
            "Bearer sym_aaaaaaaaaaaa_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void missingMalformedOrUnknownCredentialsAre401(String authorization) {
        Api.Reply reply = authorization.isEmpty() ? admin.anonymous().get("/api/v1/agents")
                : admin.anonymous().header("Authorization", authorization).get("/api/v1/agents");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.string("type")).endsWith("/unauthenticated");
    }

    @Test
    void theRightKeyIdWithAWrongSecretIs401() {
        String token = issue("operator");
        String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThat(admin.withToken(forged).get("/api/v1/agents").status()).isEqualTo(401);
        assertThat(admin.withToken(token).get("/api/v1/agents").status()).isEqualTo(200);
    }

    @Test
    void auditorsReadButCannotChangeAgents() {
        Api auditor = admin.withToken(issue("auditor"));
        String id = admin.post("/api/v1/agents", json(valid("audited"))).string("id");

        assertThat(auditor.get("/api/v1/agents/" + id).status()).isEqualTo(200);
        assertThat(auditor.get("/api/v1/agents/" + id + "/history").status()).isEqualTo(200);
        Api.Reply create = auditor.post("/api/v1/agents", json(valid("denied")));
        Api.Reply start = auditor.post("/api/v1/agents/" + id + "/start", "{}");
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.string("type")).endsWith("/forbidden");
        assertThat(start.status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/agents/" + id).string("state")).isEqualTo("ready");
    }

    @Test
    void operatorsRunAgentsButCannotManageKeys() {
        Api operator = admin.withToken(issue("operator"));

        Api.Reply created = operator.post("/api/v1/agents", json(valid("operated")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.string("created_by")).startsWith("apikey:it-operator(");
        assertThat(operator.post("/api/v1/agents/" + created.string("id") + "/start", "{}").status()).isEqualTo(200);
        assertThat(operator.get("/api/v1/api-keys").status()).isEqualTo(403);
        assertThat(operator.post("/api/v1/api-keys", "{\"name\":\"x\",\"role\":\"admin\"}").status()).isEqualTo(403);
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        Api.Reply issued = admin.post("/api/v1/api-keys", "{\"name\":\"short-lived\",\"role\":\"operator\"}");
        Api holder = admin.withToken(issued.string("token"));
        assertThat(holder.get("/api/v1/agents").status()).isEqualTo(200);

        Api.Reply revoked = admin.delete("/api/v1/api-keys/" + issued.json().getJsonObject("key").getString("id"));

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.string("revoked_by")).startsWith("apikey:configured-admin(");
        assertThat(holder.get("/api/v1/agents").status()).isEqualTo(401);
    }

    @Test
    void keysAreStoredOnlyAsSlowHashesAndTheTokenIsShownOnce() throws SQLException {
        Api.Reply issued = admin.post("/api/v1/api-keys", "{\"name\":\"hashed\",\"role\":\"auditor\"}");
        String token = issued.string("token");
        JsonObject key = issued.json().getJsonObject("key");

        try (Connection c = TestDatabaseSession.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT secret_hash FROM api_key WHERE key_id = '" + key.getString("key_id") + "'")) {
            rs.next();
            String stored = rs.getString(1);
            assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
            String secret = token.substring("sym_".length() + 12 + 1);
            assertThat(secret).hasSize(43);
            assertThat(stored).doesNotContain(secret);
        }
        Api.Reply listed = admin.get("/api/v1/api-keys/" + key.getString("id"));
        assertThat(listed.body()).doesNotContain(token).doesNotContain("secret");
        assertThat(issued.status()).isEqualTo(201);
    }

    @Test
    void theLastActiveAdminKeyCannotBeRevoked() {
        var keys = admin.get("/api/v1/api-keys").jsonArray().getValuesAs(JsonObject.class);
        String configuredAdmin = keys.stream().filter(k -> k.getString("name").equals("configured-admin"))
                .findFirst().orElseThrow().getString("id");

        Api.Reply reply = admin.delete("/api/v1/api-keys/" + configuredAdmin);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.string("type")).endsWith("/last-admin-key");
        assertThat(admin.get("/api/v1/agents").status()).isEqualTo(200);
    }

    @Test
    void healthAndOpenApiNeedNoKey() {
        Api anonymous = admin.anonymous();

        assertThat(anonymous.get("/api/v1/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/health/ready").status()).isEqualTo(200);
        assertThat(anonymous.get("/openapi").status()).isEqualTo(200);
    }
}
