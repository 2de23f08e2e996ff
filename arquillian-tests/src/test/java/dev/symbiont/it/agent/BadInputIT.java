package dev.symbiont.it.agent;

import static dev.symbiont.it.support.AgentJson.json;
import static dev.symbiont.it.support.AgentJson.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.it.support.AgentJson;
import dev.symbiont.it.support.Api;
import dev.symbiont.it.support.Deployments;
import dev.symbiont.it.support.ItSettings;
import dev.symbiont.it.support.TestDatabaseSession;
import jakarta.json.Json;
import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed requests of every kind: each gets a 4xx application/problem+json with the right stable type, never a
 * 500, and none of them writes anything.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputIT {

    private static final String AGENTS = "/api/v1/agents";
    private static final String NO_SUCH_AGENT = AGENTS + "/01a20d6c-0000-7000-8000-000000000000";
    private static String existingAgent;

    record Case(String name, String method, String path, String body, String contentType, int status, String type) {
        @Override
        public String toString() {
            return name;
        }
    }

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.runtimeEar();
    }

    static String existingAgent() {
        if (existingAgent == null) {
            existingAgent = AGENTS + "/" + Api.asAdmin().post(AGENTS, json(valid("target"))).string("id");
        }
        return existingAgent;
    }

    static String withLimits(String field, Object value) {
        var limits = AgentJson.limits();
        if (value instanceof String s) {
            limits.add(field, s);
        } else if (value instanceof Integer i) {
            limits.add(field, i);
        } else if (value instanceof Double d) {
            limits.add(field, d);
        } else {
            limits.addNull(field);
        }
        return json(valid("bad").add("resource_limits", limits));
    }

    static Stream<Case> badRequests() {
        String json = "application/json";
        String huge = "{\"name\":\"" + "a".repeat(2_000_000) + "\"}";
        return Stream.of(
                new Case("syntax error", "POST", AGENTS, "{\"name\":", json, 400, "malformed-request"),
                new Case("not an object", "POST", AGENTS, "[1,2,3]", json, 400, "malformed-request"),
                new Case("empty body", "POST", AGENTS, "", json, 400, "malformed-request"),
                new Case("JSON null body", "POST", AGENTS, "null", json, 400, "malformed-request"),
                new Case("unknown field", "POST", AGENTS, json(valid("x").add("colour", "blue")), json, 400,
                        "malformed-request"),
                new Case("string where a number belongs", "POST", AGENTS, withLimits("memory_mb", "lots"), json, 400,
                        "malformed-request"),
                new Case("not a duration", "POST", AGENTS, withLimits("execution_timeout", "five minutes"), json,
                        400, "malformed-request"),
                new Case("zero duration", "POST", AGENTS, withLimits("execution_timeout", "PT0S"), json, 400,
                        "validation-failed"),
                new Case("absurd duration", "POST", AGENTS, withLimits("execution_timeout", "PT87600000H"),
                        json, 400, "validation-failed"),
                new Case("negative memory", "POST", AGENTS, withLimits("memory_mb", -5), json, 400,
                        "validation-failed"),
                new Case("missing limit", "POST", AGENTS, withLimits("cpu_cores", null), json, 400,
                        "validation-failed"),
                new Case("missing name", "POST", AGENTS, json(valid("x").remove("name")), json, 400,
                        "validation-failed"),
                new Case("name with spaces", "POST", AGENTS, json(valid("x").add("name", "two words")), json, 400,
                        "validation-failed"),
                new Case("unknown sandbox tier", "POST", AGENTS, json(valid("x").add("sandbox_tier", "tier9")), json,
                        400, "validation-failed"),
                new Case("unknown sensitivity", "POST", AGENTS, json(valid("x").add("data_sensitivity", "secret")),
                        json, 400, "validation-failed"),
                new Case("blank capability", "POST", AGENTS, json(valid("x").add("capabilities",
                        Json.createArrayBuilder().add(" "))), json, 400, "validation-failed"),
                new Case("oversize body", "POST", AGENTS, huge, json, 413, "payload-too-large"),
                new Case("wrong content type", "POST", AGENTS, "name=x", "application/x-www-form-urlencoded", 415,
                        "unsupported-media-type"),
                new Case("limit not a number", "GET", AGENTS + "?limit=ten", null, null, 400, "invalid-parameter"),
                new Case("limit zero", "GET", AGENTS + "?limit=0", null, null, 400, "invalid-parameter"),
                new Case("limit too large", "GET", AGENTS + "?limit=100000", null, null, 400, "invalid-parameter"),
                new Case("forged cursor", "GET", AGENTS + "?cursor=Zm9vOmJhcg", null, null, 400, "invalid-parameter"),
                new Case("unknown state filter", "GET", AGENTS + "?state=sleeping", null, null, 400,
                        "invalid-parameter"),
                new Case("id not a UUID", "GET", AGENTS + "/42", null, null, 400, "invalid-parameter"),
                new Case("unknown id", "GET", NO_SUCH_AGENT, null, null, 404, "not-found"),
                new Case("transition of unknown id", "POST", NO_SUCH_AGENT + "/start", "{}", json, 404, "not-found"),
                new Case("history after negative", "GET", "#agent/history?after=-1", null, null, 400,
                        "invalid-parameter"),
                new Case("garbage If-Match", "POST", "#agent/start", "{}", json, 400, "invalid-parameter"),
                new Case("transition reason too long", "POST", "#agent/start",
                        "{\"reason\":\"" + "r".repeat(2000) + "\"}", json, 400, "validation-failed"),
                new Case("unknown transition body field", "POST", "#agent/start", "{\"why\":\"x\"}", json, 400,
                        "malformed-request"),
                new Case("unknown path", "GET", "/api/v1/agentz", null, null, 404, "not-found"),
                new Case("unsupported method", "PATCH", AGENTS, "{}", json, 405, "method-not-allowed"),
                new Case("policy If-Match beyond any version", "PUT", "/api/v1/policies/baseline",
                        "{\"id\":\"baseline\",\"rules\":[{\"id\":\"r\",\"effect\":\"allow\",\"actions\":[\"*\"]}]}",
                        json, 400, "invalid-parameter"),
                new Case("API key with unknown role", "POST", "/api/v1/api-keys",
                        "{\"name\":\"k\",\"role\":\"root\"}", json, 400, "validation-failed"),
                new Case("API key expiring in the past", "POST", "/api/v1/api-keys",
                        "{\"name\":\"k\",\"role\":\"auditor\",\"expires_at\":\"2001-01-01T00:00:00Z\"}", json, 400,
                        "validation-failed"));
    }

    private static Api.Reply send(Case c) {
        String path = c.path().replace("#agent", existingAgent());
        Api api = switch (c.name()) {
            case "garbage If-Match" -> Api.asAdmin().header("If-Match", "yesterday");
            case "policy If-Match beyond any version" -> Api.asAdmin().header("If-Match", "\"99999999999\"");
            default -> Api.asAdmin();
        };
        return api.send(c.method(), path, c.body(), c.contentType());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isAClientErrorWithAProblemDocument(Case c) {
        Api.Reply reply = send(c);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(c.status());
        assertThat(reply.isProblem()).as(reply.toString()).isTrue();
        assertThat(reply.string("type")).isEqualTo("https://symbiont.dev/problems/" + c.type());
        assertThat(reply.json().getInt("status")).isEqualTo(c.status());
        assertThat(reply.string("title")).isNotBlank();
        assertThat(reply.string("detail")).isNotBlank();
    }

    @Test
    void validationErrorsNameEveryBadFieldByItsJsonPath() {
        String body = json(valid("x").add("name", "").add("resource_limits",
                AgentJson.limits().add("memory_mb", 0).add("execution_timeout", "PT0S")));

        Api.Reply reply = Api.asAdmin().post(AGENTS, body);

        assertThat(reply.json().getJsonArray("errors").getValuesAs(jakarta.json.JsonObject.class))
                .extracting(e -> e.getString("field"))
                .contains("name", "resource_limits.memory_mb", "resource_limits.execution_timeout");
    }

    @Test
    void anOversizeChunkedBodyIsCutOffWhileReading() throws Exception {
        // no Content-Length: the limit must hold while the body streams in
        byte[] head = "{\"name\":\"".getBytes(StandardCharsets.US_ASCII);
        var body = new SequenceInputStream(new ByteArrayInputStream(head),
                new ByteArrayInputStream(new byte[3_000_000]) {
                    @Override
                    public synchronized int read(byte[] b, int off, int len) {
                        int n = super.read(b, off, len);
                        Arrays.fill(b, off, off + Math.max(n, 0), (byte) 'a');
                        return n;
                    }
                });
        var request = HttpRequest.newBuilder(URI.create(
                        ItSettings.baseUrl() + AGENTS))
                .header("Authorization", "Bearer " + ItSettings.adminKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                .build();

        var response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void noBadRequestWritesAnything() throws SQLException {
        existingAgent();
        List<Long> before = rowCounts();
        String agentBefore = Api.asAdmin().get(existingAgent()).body();

        badRequests().forEach(BadInputIT::send);

        assertThat(rowCounts()).isEqualTo(before);
        assertThat(Api.asAdmin().get(existingAgent()).body()).isEqualTo(agentBefore);
    }

    private static List<Long> rowCounts() throws SQLException {
        List<Long> counts = new ArrayList<>();
        try (Connection c = TestDatabaseSession.dataSource().getConnection()) {
            for (String table : List.of("agent", "agent_history", "api_key", "policy", "policy_revision")) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.add(rs.getLong(1));
                }
            }
        }
        return counts;
    }
}
