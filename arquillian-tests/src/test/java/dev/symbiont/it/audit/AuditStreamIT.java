package dev.symbiont.it.audit;

import static dev.symbiont.it.support.AgentJson.json;
import static dev.symbiont.it.support.AgentJson.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.audit.format.AuditEncoding;
import dev.symbiont.audit.format.Checkpoint;
import dev.symbiont.audit.format.Ed25519;
import dev.symbiont.audit.format.Merkle;
import dev.symbiont.it.support.Api;
import dev.symbiont.it.support.Deployments;
import dev.symbiont.it.support.ItSettings;
import dev.symbiont.it.support.SseClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The live stream for monitoring tools, and the checkpoint history a monitor checks for consistency. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditStreamIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Api admin = Api.asAdmin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.runtimeEar();
    }

    @Test
    void aReconnectingClientGetsEverythingAfterItsLastEventIdThenLiveEventsInOrder() throws Exception {
        String agentId = admin.post("/api/v1/agents", json(valid("stream-" + UUID.randomUUID()))).string("id");
        List<JsonObject> stored = admin.get("/api/v1/audit/events?agent_id=" + agentId).json()
                .getJsonArray("items").getValuesAs(JsonObject.class);
        long firstSeq = stored.getFirst().getJsonNumber("seq").longValue();

        try (var stream = SseClient.open("/api/v1/audit/events/stream?agent_id=" + agentId, ItSettings.adminKey(),
                Map.of("Last-Event-ID", Long.toString(firstSeq)))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            List<SseClient.Event> received = new ArrayList<>();
            for (int i = 1; i < stored.size(); i++) {
                received.add(stream.next(WAIT));
            }
            assertThat(received).extracting(SseClient.Event::id).containsExactlyElementsOf(stored.subList(1,
                    stored.size()).stream().map(e -> e.getJsonNumber("seq").toString()).toList());

            assertThat(admin.post("/api/v1/agents/" + agentId + "/start", "{}").status()).isEqualTo(200);
            SseClient.Event live;
            do {
                live = stream.next(WAIT);
                received.add(live);
            } while (!"agent.transitioned".equals(live.event()));

            JsonObject data = parse(live.data());
            assertThat(data.getString("agent_id")).isEqualTo(agentId);
            assertThat(data.getJsonObject("details").getString("to")).isEqualTo("RUNNING");
            assertThat(received).extracting(e -> Long.parseLong(e.id())).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void aTypeFilterSeesOnlyThatTypeLive() throws Exception {
        try (var stream = SseClient.open("/api/v1/audit/events/stream?type=auth.failed", ItSettings.adminKey(),
                Map.of())) {
            assertThat(stream.status()).isEqualTo(200);
            admin.post("/api/v1/agents", json(valid("stream-noise-" + UUID.randomUUID())));
            assertThat(admin.withToken("sym_ssesseessess_" + "S".repeat(43)).get("/api/v1/agents").status())
                    .isEqualTo(401);

            SseClient.Event event = stream.next(WAIT);

            assertThat(event.event()).isEqualTo("auth.failed");
            assertThat(parse(event.data()).getJsonObject("details").getString("key_prefix")).isEqualTo("ssesseessess");
        }
    }

    @Test
    void badStreamRequestsAreProblemsAndOperatorsAreRefused() {
        Api.Reply badType = admin.header("Accept", "text/event-stream").get("/api/v1/audit/events/stream?type=nope");
        assertThat(badType.status()).as(badType.toString()).isEqualTo(400);
        assertThat(badType.isProblem()).isTrue();
        Api.Reply badId = admin.header("Last-Event-ID", "x").get("/api/v1/audit/events/stream");
        assertThat(badId.status()).as(badId.toString()).isEqualTo(400);
        assertThat(badId.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("Last-Event-ID");

        String token = admin.post("/api/v1/api-keys", "{\"name\": \"stream-op\", \"role\": \"operator\"}")
                .string("token");
        assertThat(admin.withToken(token).get("/api/v1/audit/events/stream").status()).isEqualTo(403);
        assertThat(admin.withToken(token).get("/api/v1/audit/checkpoints").status()).isEqualTo(403);
    }

    @Test
    void twoSignedCheckpointsAreProvablyConsistentWithThePublishedKeyAlone() {
        Checkpoint older = checkpointAfterNewActivity();
        Checkpoint newer = checkpointAfterNewActivity();
        assertThat(newer.treeSize()).isGreaterThan(older.treeSize());

        JsonObject reply = admin.get("/api/v1/audit/consistency?first=" + older.treeSize() + "&second="
                + newer.treeSize()).json();

        HexFormat hex = HexFormat.of();
        List<byte[]> proof = reply.getJsonArray("proof").getValuesAs(JsonString.class).stream()
                .map(s -> hex.parseHex(s.getString())).toList();
        Checkpoint first = checkpoint(reply.getJsonObject("first"));
        Checkpoint second = checkpoint(reply.getJsonObject("second"));
        assertThat(first.rootHash()).isEqualTo(older.rootHash());
        assertThat(Merkle.verifyConsistency(first.treeSize(), second.treeSize(), first.rootHash(), second.rootHash(),
                proof)).isTrue();
        for (Checkpoint signed : List.of(first, second)) {
            assertThat(Ed25519.verify(publicKey(signed.keyId()), AuditEncoding.checkpointStatement(signed),
                    signed.signature())).as("signature of checkpoint " + signed.treeSize()).isTrue();
        }
        byte[] forged = second.rootHash().clone();
        forged[0] ^= 1;
        assertThat(Merkle.verifyConsistency(first.treeSize(), second.treeSize(), first.rootHash(), forged, proof))
                .isFalse();

        assertThat(admin.get("/api/v1/audit/checkpoints?after=" + (older.treeSize() - 1) + "&limit=1").json()
                .getJsonArray("items").getJsonObject(0).getJsonNumber("tree_size").longValue())
                .isEqualTo(older.treeSize());
        assertThat(admin.get("/api/v1/audit/consistency?first=" + newer.treeSize() + "&second=" + older.treeSize())
                .status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/audit/consistency?first=" + (newer.treeSize() + 1_000_000)).status())
                .isEqualTo(404);
        assertThat(admin.get("/api/v1/audit/consistency").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/audit/checkpoints/abc").status()).isEqualTo(400);
    }

    /** New events, then an event fetched with its proof: that signs a checkpoint covering it if none does yet. */
    private Checkpoint checkpointAfterNewActivity() {
        String agentId = admin.post("/api/v1/agents", json(valid("ckpt-" + UUID.randomUUID()))).string("id");
        String eventId = admin.get("/api/v1/audit/events?agent_id=" + agentId).json().getJsonArray("items")
                .getJsonObject(0).getString("event_id");
        long size = admin.get("/api/v1/audit/events/" + eventId).json().getJsonObject("checkpoint")
                .getJsonNumber("tree_size").longValue();
        Api.Reply reply = admin.get("/api/v1/audit/checkpoints/" + size);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return checkpoint(reply.json());
    }

    private static Checkpoint checkpoint(JsonObject json) {
        return new Checkpoint(json.getJsonNumber("tree_size").longValue(),
                HexFormat.of().parseHex(json.getString("root_hash")), Instant.parse(json.getString("created_at")),
                json.getString("key_id"), Base64.getDecoder().decode(json.getString("signature")));
    }

    private byte[] publicKey(String keyId) {
        JsonObject key = admin.anonymous().get("/api/v1/audit/keys").json().getJsonArray("keys")
                .getValuesAs(JsonObject.class).stream().filter(k -> k.getString("key_id").equals(keyId)).findFirst()
                .orElseThrow();
        return Base64.getDecoder().decode(key.getString("public_key"));
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
