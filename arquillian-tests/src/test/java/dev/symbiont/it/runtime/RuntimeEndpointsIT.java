package dev.symbiont.it.runtime;

import static dev.symbiont.it.support.AgentJson.json;
import static dev.symbiont.it.support.AgentJson.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.it.support.Api;
import dev.symbiont.it.support.Deployments;
import dev.symbiont.it.support.TestDatabaseSession;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Health, metrics and the OpenAPI document, as operators and API clients see them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RuntimeEndpointsIT {

    private final Api api = Api.asAdmin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.runtimeEar();
    }

    /** The newest schema version Flyway applied, read from the database itself. */
    private static String appliedSchemaVersion() throws java.sql.SQLException {
        try (var c = TestDatabaseSession.dataSource().getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success "
                     + "ORDER BY installed_rank DESC LIMIT 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void healthChecksReportADatabaseRoundTripAndACompletedStartup() throws java.sql.SQLException {
        String schemaVersion = appliedSchemaVersion();
        JsonObject ready = api.anonymous().get("/health/ready").json();
        JsonObject started = api.anonymous().get("/health/started").json();
        JsonObject live = api.anonymous().get("/health/live").json();
        JsonObject summary = api.anonymous().get("/api/v1/health").json();

        assertThat(ready.getString("status")).isEqualTo("UP");
        assertThat(ready.getJsonArray("checks").getValuesAs(JsonObject.class))
                .anySatisfy(c -> assertThat(c.getString("name")).isEqualTo("database"));
        assertThat(started.getJsonArray("checks").getValuesAs(JsonObject.class))
                .anySatisfy(c -> assertThat(c.getJsonObject("data").getString("schema_version")).isEqualTo(schemaVersion));
        assertThat(live.getString("status")).isEqualTo("UP");
        assertThat(summary.getString("status")).isEqualTo("UP");
        assertThat(summary.getString("schema_version")).isEqualTo(schemaVersion);
        assertThat(summary.getJsonObject("components").getJsonObject("database").getString("status")).isEqualTo("UP");
    }

    @Test
    void metricsCountAgentsByStateInPrometheusText() throws InterruptedException {
        double before = readyGauge();
        api.post("/api/v1/agents", json(valid("counted")));

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        double after = before;
        while (after <= before && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            after = readyGauge();
        }
        assertThat(after).isEqualTo(before + 1);
    }

    private double readyGauge() {
        Api.Reply metrics = api.anonymous().get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        Matcher m = Pattern.compile("symbiont_agents\\{[^}]*state=\"ready\"[^}]*} ([0-9.E]+)").matcher(metrics.body());
        assertThat(m.find()).as("gauge symbiont_agents{state=\"ready\"} in\n" + metrics.body()).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void openApiDocumentsEveryEndpointTheErrorModelAndTheSecurityScheme() {
        Api.Reply doc = api.anonymous().header("Accept", "application/json").get("/openapi");
        JsonObject openapi = doc.json();
        JsonObject paths = openapi.getJsonObject("paths");

        assertThat(paths.keySet()).contains("/api/v1/policies", "/api/v1/policies/{id}",
                "/api/v1/policies/{id}/revisions", "/api/v1/policies/evaluate", "/api/v1/policies/evaluate/batch",
                "/api/v1/agents", "/api/v1/agents/{id}", "/api/v1/agents/{id}/status",
                "/api/v1/agents/{id}/history", "/api/v1/agents/{id}/{command}",
                "/api/v1/api-keys", "/api/v1/api-keys/{id}", "/api/v1/health");
        JsonObject components = openapi.getJsonObject("components");
        assertThat(components.getJsonObject("schemas").keySet()).contains("Problem", "Agent", "AgentDefinition");
        assertThat(components.getJsonObject("schemas").getJsonObject("AgentDefinition").getJsonObject("properties")
                .keySet()).contains("resource_limits", "data_sensitivity", "requires_network");
        assertThat(components.getJsonObject("securitySchemes").keySet()).contains("apiKey");
        JsonObject create = paths.getJsonObject("/api/v1/agents").getJsonObject("post").getJsonObject("responses");
        assertThat(create.keySet()).contains("201", "400", "401", "403", "413", "500");
        assertThat(create.getJsonObject("401").getJsonObject("content").keySet())
                .containsExactly("application/problem+json");
        JsonObject health = paths.getJsonObject("/api/v1/health").getJsonObject("get");
        assertThat(health.getJsonArray("security")).isEmpty();
    }
}
