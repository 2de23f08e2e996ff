package dev.symbiont.it.audit;

import static dev.symbiont.it.support.AgentJson.json;
import static dev.symbiont.it.support.AgentJson.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.it.support.Api;
import dev.symbiont.it.support.Deployments;
import dev.symbiont.it.support.ItSettings;
import dev.symbiont.it.support.OfflineVerifierJar;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An export checked as an outside auditor checks it: the bundle from GET /api/v1/audit/export and the keys from
 * GET /api/v1/audit/keys, given to the standalone verifier jar run with {@code java -jar}, nothing else.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditExportVerifierIT {

    private final Api admin = Api.asAdmin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.runtimeEar();
    }

    @Test
    void theStandaloneVerifierAcceptsAnUntouchedExport() throws Exception {
        createAgent();
        Path dir = Files.createTempDirectory(ItSettings.workDirectory(), "export-");
        Path bundle = export(dir);

        OfflineVerifierJar.Outcome outcome = OfflineVerifierJar.verifyBundle(savedKeys(dir), bundle);

        assertThat(outcome.exitStatus()).as(outcome.toString()).isEqualTo(0);
        assertThat(outcome.output()).as(outcome.toString()).startsWith("VALID audit bundle")
                .contains("hash chain intact", "every signature valid", "inclusion proofs verified");
    }

    @Test
    void theStandaloneVerifierNamesTheEventOneOfWhoseBytesWasChanged() throws Exception {
        JsonObject created = admin.post("/api/v1/agents", json(valid("tamper"))).json();
        JsonObject event = admin.get("/api/v1/audit/events?type=agent.created&agent_id=" + created.getString("id"))
                .json().getJsonArray("items").getJsonObject(0);
        Path dir = Files.createTempDirectory(ItSettings.workDirectory(), "tampered-");
        Path bundle = export(dir);
        Path tampered = dir.resolve("tampered.zip");
        // "tamper-…" becomes "Tamper-…" in that event's details: one byte, still well-formed JSON
        rewriteEvents(bundle, tampered, event.getString("event_id"), created.getString("name"));

        OfflineVerifierJar.Outcome outcome = OfflineVerifierJar.verifyBundle(savedKeys(dir), tampered);

        assertThat(outcome.exitStatus()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.output()).as(outcome.toString()).startsWith("INVALID audit bundle")
                .contains("CHAIN_HASH_MISMATCH at seq " + event.getJsonNumber("seq").longValue()
                        + " (event " + event.getString("event_id") + "): event content altered")
                .contains("MANIFEST: events.jsonl has SHA-256");
    }

    private void createAgent() {
        Api.Reply created = admin.post("/api/v1/agents", json(valid("exported")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private Path export(Path dir) throws IOException {
        Api.Download export = admin.download("/api/v1/audit/export");
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/zip");
        return Files.write(dir.resolve("audit-bundle.zip"), export.body());
    }

    /** keys.json exactly as GET /api/v1/audit/keys serves it (no credentials needed: the keys are public). */
    private Path savedKeys(Path dir) throws IOException {
        Api.Reply keys = admin.anonymous().get("/api/v1/audit/keys");
        assertThat(keys.status()).as(keys.toString()).isEqualTo(200);
        return Files.writeString(dir.resolve("keys.json"), keys.body());
    }

    /** Copies the bundle entry by entry; in events.jsonl, the line of {@code eventId} gets one byte changed. */
    private static void rewriteEvents(Path bundle, Path target, String eventId, String agentName) throws IOException {
        try (InputStream in = Files.newInputStream(bundle); ZipInputStream zip = new ZipInputStream(in);
             OutputStream out = Files.newOutputStream(target); ZipOutputStream copy = new ZipOutputStream(out)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                byte[] content = zip.readAllBytes();
                if (entry.getName().equals("events.jsonl")) {
                    content = withOneByteChanged(content, eventId, agentName);
                }
                copy.putNextEntry(new ZipEntry(entry.getName()));
                copy.write(content);
                copy.closeEntry();
            }
        }
    }

    private static byte[] withOneByteChanged(byte[] events, String eventId, String agentName) {
        List<String> lines = Arrays.asList(new String(events, StandardCharsets.UTF_8).split("\n", -1));
        String marker = "\"event_id\":\"" + eventId + "\"";
        int index = lines.indexOf(lines.stream().filter(line -> line.contains(marker)).findFirst()
                .orElseThrow(() -> new AssertionError("event " + eventId + " is not in the exported events.jsonl")));
        String line = lines.get(index);
        assertThat(line).as("the exported event names its agent").contains(agentName);
        lines.set(index, line.replace(agentName, "T" + agentName.substring(1)));
        byte[] changed = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        assertThat(changed).hasSameSizeAs(events);
        return changed;
    }
}
