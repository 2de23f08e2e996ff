package dev.symbiont.it.compliance;

import static dev.symbiont.it.support.AgentJson.json;
import static dev.symbiont.it.support.AgentJson.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.audit.verifier.OfflineVerifier;
import dev.symbiont.it.support.Api;
import dev.symbiont.it.support.Deployments;
import dev.symbiont.it.support.ItSettings;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Compliance reports end to end: requested, produced in the background with visible progress, downloaded in three
 * formats, each file checked offline against its signed manifest with nothing but the published keys.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ComplianceReportIT {

    private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]+)\"");

    private final Api admin = Api.asAdmin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.runtimeEar();
    }

    @Test
    void aHipaaReportCoversThePeriodsActivityAndEveryFileVerifiesOfflineAgainstItsManifest() throws Exception {
        String p = "cmp-" + UUID.randomUUID().toString().substring(0, 8);
        Instant from = Instant.now().truncatedTo(ChronoUnit.MICROS);
        assertThat(admin.post("/api/v1/agents", json(valid(p + "-ok"))).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/policies", """
                {"id": "%s", "rules": [{"id": "block", "effect": "deny", "actions": ["agent.create"],
                  "subject": {"agent_names": ["%s-blocked*"]}, "reason": "reported denial"}]}""".formatted(p, p))
                .status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/agents", json(valid(p + "-blocked"))).status()).isEqualTo(403);
        assertThat(admin.withToken("sym_bbbbbbbbbbbb_" + "B".repeat(43)).get("/api/v1/agents").status())
                .isEqualTo(401);
        Instant to = Instant.now();

        JsonObject report = awaitSucceeded(request("HIPAA", from, to));

        assertThat(report.getString("framework")).isEqualTo("hipaa");
        assertThat(report.getInt("percent_done")).isEqualTo(100);
        assertThat(report.getString("phase")).isEqualTo("done");
        assertThat(report.getJsonNumber("events_processed").longValue())
                .isEqualTo(report.getJsonNumber("events_total").longValue()).isPositive();
        assertThat(report.getJsonArray("files").getValuesAs(JsonObject.class))
                .extracting(f -> f.getString("format")).containsExactlyInAnyOrder("json", "csv", "pdf");

        Path dir = Files.createTempDirectory(ItSettings.workDirectory(), "compliance-");
        Path keys = Files.writeString(dir.resolve("keys.json"), admin.get("/api/v1/audit/keys").body());
        String id = report.getString("id");

        JsonObject content = parse(verifiedDownload(id, "json", dir, keys));
        assertThat(content.getJsonObject("framework").getString("name")).isEqualTo("hipaa");
        assertThat(content.getJsonObject("period").getString("from")).isEqualTo(from.toString());
        assertThat(content.getJsonObject("denials").getJsonArray("rows").getValuesAs(JsonObject.class))
                .anySatisfy(row -> {
                    assertThat(row.getString("rule_id")).isEqualTo(p + "/block");
                    assertThat(row.getString("reason")).isEqualTo("reported denial");
                });
        assertThat(content.getJsonObject("policy_changes").getJsonArray("rows").getValuesAs(JsonObject.class))
                .anySatisfy(row -> assertThat(row.getString("policy_id")).isEqualTo(p));
        assertThat(content.getJsonObject("summary").getInt("failed_authentications")).isPositive();
        JsonObject integrity = content.getJsonObject("integrity");
        assertThat(integrity.getBoolean("verified")).as(integrity.toString()).isTrue();
        assertThat(integrity.getJsonArray("checkpoints")).isNotEmpty();
        assertThat(content.getJsonArray("checks").getValuesAs(JsonObject.class))
                .filteredOn(check -> check.getString("id").equals("audit-trail-integrity"))
                .singleElement().satisfies(check -> assertThat(check.getBoolean("passed")).isTrue());

        String csv = new String(verifiedDownload(id, "csv", dir, keys), StandardCharsets.UTF_8);
        assertThat(csv).contains(p + "/block", "reported denial");

        byte[] pdf = verifiedDownload(id, "pdf", dir, keys);
        String root = integrity.getJsonArray("checkpoints").getJsonObject(0).getString("root_hash");
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains("HIPAA", p + "/block", root);
        }
    }

    @Test
    void aCustomFrameworkFromEnvironmentVariablesIsListedAndReportsWithItsOwnClauses() {
        JsonObject acme = admin.get("/api/v1/compliance/frameworks").jsonArray().getValuesAs(JsonObject.class)
                .stream().filter(f -> f.getString("name").equals("acme")).findFirst()
                .orElseThrow(() -> new AssertionError("custom framework acme not listed"));
        assertThat(acme.getString("title")).isEqualTo("ACME access controls");
        assertThat(acme.getJsonArray("event_types").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).containsExactly("auth.failed", "policy.decision");

        Instant from = Instant.now();
        assertThat(admin.post("/api/v1/agents", json(valid("cmp-acme-" + UUID.randomUUID()))).status())
                .isEqualTo(201);
        JsonObject report = awaitSucceeded(request("acme", from, Instant.now()));

        JsonObject content = parse(admin.download(path(report.getString("id"), "json")).body());
        assertThat(content.getJsonArray("checks").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("id") + "=" + c.getString("clause"))
                .containsExactly("denials-name-rule=ACME-SEC-4.2",
                        "failed-authentications-below-threshold=ACME access controls");
        assertThat(content.getJsonObject("summary").getJsonObject("events_by_type").keySet())
                .isSubsetOf("policy.decision", "auth.failed").contains("policy.decision");
    }

    @Test
    void theRequestIsAuditedAndOnlyAuditorsAndAdminsMayAsk() {
        Api.Reply auditorKey = admin.post("/api/v1/api-keys", "{\"name\": \"cmp-auditor\", \"role\": \"auditor\"}");
        Api.Reply operatorKey = admin.post("/api/v1/api-keys", "{\"name\": \"cmp-operator\", \"role\": \"operator\"}");
        Api auditor = admin.withToken(auditorKey.json().getString("token"));
        Api operator = admin.withToken(operatorKey.json().getString("token"));
        String body = body("gdpr", Instant.now().minusSeconds(3600), Instant.now());

        assertThat(operator.post("/api/v1/compliance/reports", body).status()).isEqualTo(403);
        assertThat(operator.get("/api/v1/compliance/reports").status()).isEqualTo(403);
        Api.Reply accepted = auditor.post("/api/v1/compliance/reports", body);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String id = accepted.string("id");

        List<JsonObject> requested = admin.get("/api/v1/audit/events?type=compliance.report_requested&limit=1000")
                .json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(requested).anySatisfy(event -> {
            assertThat(event.getJsonObject("details").getString("report_id")).isEqualTo(id);
            assertThat(event.getJsonObject("details").getString("framework")).isEqualTo("gdpr");
            assertThat(event.getString("actor")).contains("cmp-auditor");
        });
        assertThat(auditor.get("/api/v1/compliance/reports?limit=500").jsonArray().getValuesAs(JsonObject.class))
                .extracting(r -> r.getString("id")).contains(id);
        awaitSucceeded(accepted);
    }

    @Test
    void badRequestsAreClearProblemsAndNothingIsQueued() {
        int before = admin.get("/api/v1/compliance/reports?limit=500").jsonArray().size();
        Instant now = Instant.now();

        problem(admin.post("/api/v1/compliance/reports", body("iso27001", now.minusSeconds(60), now)), 400,
                "unknown-framework", "framework");
        problem(admin.post("/api/v1/compliance/reports", body("sox", now.minusSeconds(60), now.plusSeconds(3600))),
                400, "validation-failed", "to");
        problem(admin.post("/api/v1/compliance/reports", body("sox", now, now.minusSeconds(60))), 400,
                "validation-failed", "to");
        problem(admin.post("/api/v1/compliance/reports", "{\"framework\": \"sox\", \"to\": \"" + now + "\"}"), 400,
                "validation-failed", "from");
        problem(admin.post("/api/v1/compliance/reports",
                "{\"framework\": \"sox\", \"from\": \"yesterday\", \"to\": \"" + now + "\"}"), 400,
                "malformed-request", null);
        problem(admin.post("/api/v1/compliance/reports", ""), 400, "malformed-request", null);
        problem(admin.get("/api/v1/compliance/reports/" + UUID.randomUUID()), 404, "not-found", null);
        problem(admin.get("/api/v1/compliance/reports/not-a-uuid"), 400, "invalid-parameter", "id");
        problem(admin.get("/api/v1/compliance/reports/" + UUID.randomUUID() + "/files/docx"), 400,
                "invalid-parameter", "format");
        problem(admin.get("/api/v1/compliance/reports/" + UUID.randomUUID() + "/files/pdf"), 404, "not-found",
                null);
        problem(admin.get("/api/v1/compliance/reports?limit=0"), 400, "invalid-parameter", "limit");

        assertThat(admin.get("/api/v1/compliance/reports?limit=500").jsonArray().size()).isEqualTo(before);
    }

    private Api.Reply request(String framework, Instant from, Instant to) {
        Api.Reply accepted = admin.post("/api/v1/compliance/reports", body(framework, from, to));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.string("status")).isEqualTo("queued");
        return accepted;
    }

    private static String body(String framework, Instant from, Instant to) {
        return "{\"framework\": \"" + framework + "\", \"from\": \"" + from + "\", \"to\": \"" + to + "\"}";
    }

    /** Polls the report until it succeeds, checking on the way that progress only moves forward. */
    private JsonObject awaitSucceeded(Api.Reply accepted) {
        String href = "/api/v1/compliance/reports/" + accepted.string("id");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int lastPercent = 0;
        while (System.nanoTime() < deadline) {
            JsonObject report = admin.get(href).json();
            assertThat(report.getInt("percent_done")).isGreaterThanOrEqualTo(lastPercent).isBetween(0, 100);
            lastPercent = report.getInt("percent_done");
            switch (report.getString("status")) {
                case "succeeded" -> {
                    return report;
                }
                case "failed" -> throw new AssertionError("report failed: " + report);
                default -> sleep();
            }
        }
        throw new AssertionError("report not done after 90 s: " + admin.get(href));
    }

    /** Downloads a file and its manifest under their own names and runs the offline verifier on them. */
    private byte[] verifiedDownload(String id, String format, Path dir, Path keys) throws IOException {
        Api.Download file = admin.download(path(id, format));
        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        Api.Download manifest = admin.download(path(id, format) + "/manifest");
        assertThat(manifest.status()).as(manifest.toString()).isEqualTo(200);
        Path saved = Files.write(dir.resolve(fileName(file)), file.body());
        Path savedManifest = Files.write(dir.resolve(fileName(manifest)), manifest.body());
        assertThat(fileName(manifest)).isEqualTo(fileName(file) + ".manifest.json");

        assertThat(verify(keys, savedManifest, saved)).isEqualTo(OfflineVerifier.VALID);

        byte[] tampered = file.body().clone();
        tampered[tampered.length / 2] ^= 1;
        Path forged = Files.write(Files.createDirectories(dir.resolve("forged")).resolve(fileName(file)), tampered);
        assertThat(verify(keys, savedManifest, forged)).isEqualTo(OfflineVerifier.INVALID);
        return file.body();
    }

    private static int verify(Path keys, Path manifest, Path file) {
        var out = new ByteArrayOutputStream();
        int status = OfflineVerifier.run(new String[] {"manifest", "--keys", keys.toString(), manifest.toString(),
                file.toString()}, new PrintStream(out, true), new PrintStream(out, true));
        System.out.println(out.toString(StandardCharsets.UTF_8));
        return status;
    }

    private static String fileName(Api.Download download) {
        Matcher m = FILE_NAME.matcher(String.valueOf(download.header("Content-Disposition")));
        assertThat(m.find()).as("Content-Disposition of " + download).isTrue();
        return m.group(1);
    }

    private static String path(String id, String format) {
        return "/api/v1/compliance/reports/" + id + "/files/" + format;
    }

    private static JsonObject parse(byte[] json) {
        try (var reader = Json.createReader(new StringReader(new String(json, StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    private static void problem(Api.Reply reply, int status, String type, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.isProblem()).as(reply.toString()).isTrue();
        assertThat(reply.json().getString("type")).endsWith("/" + type);
        if (field != null) {
            assertThat(reply.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                    .extracting(e -> e.getString("field")).contains(field);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
