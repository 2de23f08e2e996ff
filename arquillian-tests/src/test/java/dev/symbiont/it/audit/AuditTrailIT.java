package dev.symbiont.it.audit;

import static dev.symbiont.it.support.AgentJson.json;
import static dev.symbiont.it.support.AgentJson.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symbiont.audit.format.AuditEncoding;
import dev.symbiont.audit.format.Checkpoint;
import dev.symbiont.audit.format.Ed25519;
import dev.symbiont.audit.format.Merkle;
import dev.symbiont.audit.format.Seal;
import dev.symbiont.it.support.Api;
import dev.symbiont.it.support.Deployments;
import dev.symbiont.it.support.TestDatabaseSession;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every security-relevant action leaves a signed, chained, provable event, and only committed actions do. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditTrailIT {

    private final Api admin = Api.asAdmin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.runtimeEar();
    }

    private static String prefix() {
        return "aud-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private List<JsonObject> events(String query) {
        Api.Reply reply = admin.get("/api/v1/audit/events?" + query);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private String createAgent(String p) {
        Api.Reply created = admin.post("/api/v1/agents", json(valid(p)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.string("id");
    }

    @Test
    void creatingAnAgentRecordsTheDecisionTheCreationAndTheTransitionAsTheCaller() {
        String agentId = createAgent(prefix());

        List<JsonObject> events = events("agent_id=" + agentId);

        assertThat(events).extracting(e -> e.getString("event_type"))
                .containsExactly("policy.decision", "agent.created", "agent.transitioned");
        assertThat(events.get(0).getString("decision")).isEqualTo("allow");
        assertThat(events.get(0).getJsonObject("details").getString("action")).isEqualTo("agent.create");
        assertThat(events.get(0).getJsonObject("details").getJsonArray("matched_rules")).isNotEmpty();
        assertThat(events.get(1).getString("actor")).startsWith("apikey:");
        assertThat(events.get(2).getJsonObject("details").getString("to")).isEqualTo("READY");
        assertThat(events).extracting(e -> e.getJsonNumber("seq").longValue()).isSorted();
    }

    @Test
    void aRolledBackActionLeavesNoEventButItsDenialIsKept() {
        String p = prefix();
        String agentId = createAgent(p);
        Api.Reply stale = admin.header("If-Match", "\"999\"").post("/api/v1/agents/" + agentId + "/start", "{}");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(events("agent_id=" + agentId + "&type=agent.transitioned")).hasSize(1);

        assertThat(admin.post("/api/v1/policies", """
                {"id": "%s", "rules": [{"id": "block", "effect": "deny", "actions": ["agent.create"],
                  "subject": {"agent_names": ["%s-*"]}, "reason": "audited denial"}]}""".formatted(p, p)).status())
                .isEqualTo(201);
        assertThat(admin.post("/api/v1/agents", json(valid(p))).status()).isEqualTo(403);

        List<JsonObject> denials = events("type=policy.decision&decision=deny&limit=1000").stream()
                .filter(e -> e.getJsonObject("details").getString("reason", "").equals("audited denial")).toList();
        assertThat(denials).hasSize(1);
        assertThat(denials.getFirst().getJsonObject("details").getString("rule_id")).isEqualTo(p + "/block");
        assertThat(events("type=policy.created&limit=1000")).anySatisfy(e ->
                assertThat(e.getJsonObject("details").getString("policy_id")).isEqualTo(p));
    }

    @Test
    void failedAuthenticationIsRecordedWithoutTheSecret() {
        Instant before = Instant.now().minusSeconds(1);
        String wrong = "sym_aaaaaaaaaaaa_" + "A".repeat(43);
        assertThat(admin.withToken(wrong).get("/api/v1/agents").status()).isEqualTo(401);

        List<JsonObject> failures = events("type=auth.failed&from=" + before + "&limit=1000");

        assertThat(failures).anySatisfy(e -> {
            assertThat(e.getJsonObject("details").getString("key_prefix")).isEqualTo("aaaaaaaaaaaa");
            assertThat(e.getJsonObject("details").getString("path")).isEqualTo("/agents");
            assertThat(e.toString()).doesNotContain("A".repeat(43));
        });
    }

    @Test
    void anApiKeyIssuedAndRevokedIsTwoEvents() {
        Api.Reply issued = admin.post("/api/v1/api-keys", "{\"name\": \"audited\", \"role\": \"operator\"}");
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String id = issued.json().getJsonObject("key").getString("id");
        assertThat(admin.delete("/api/v1/api-keys/" + id).status()).isEqualTo(200);

        assertThat(events("type=apikey.issued&type=apikey.revoked&limit=1000"))
                .filteredOn(e -> e.getJsonObject("details").getString("key_id").equals(id))
                .extracting(e -> e.getString("event_type")).containsExactly("apikey.issued", "apikey.revoked");
    }

    @Test
    void anEventComesWithASealSignatureAndAnInclusionProofThatVerify() {
        String agentId = createAgent(prefix());
        String eventId = events("agent_id=" + agentId).getFirst().getString("event_id");

        JsonObject proven = admin.get("/api/v1/audit/events/" + eventId).json();

        HexFormat hex = HexFormat.of();
        JsonObject event = proven.getJsonObject("event");
        JsonObject seal = proven.getJsonObject("seal");
        JsonObject checkpoint = proven.getJsonObject("checkpoint");
        JsonObject proof = proven.getJsonObject("inclusion_proof");
        byte[] chainHash = hex.parseHex(event.getString("chain_hash"));
        List<byte[]> path = proof.getJsonArray("audit_path").getValuesAs(JsonString.class).stream()
                .map(s -> hex.parseHex(s.getString())).toList();
        byte[] root = hex.parseHex(checkpoint.getString("root_hash"));
        assertThat(Merkle.verifyInclusion(event.getJsonNumber("seq").longValue(),
                checkpoint.getJsonNumber("tree_size").longValue(), Merkle.leafHash(chainHash), path, root)).isTrue();
        byte[] publicKey = publicKey(seal.getString("key_id"));
        Seal signed = new Seal(seal.getJsonNumber("first_seq").longValue(), seal.getJsonNumber("last_seq").longValue(),
                hex.parseHex(seal.getString("chain_hash")), Instant.parse(seal.getString("sealed_at")),
                seal.getString("key_id"), new byte[0]);
        assertThat(Ed25519.verify(publicKey, AuditEncoding.sealStatement(signed),
                Base64.getDecoder().decode(seal.getString("signature")))).isTrue();
        Checkpoint head = new Checkpoint(checkpoint.getJsonNumber("tree_size").longValue(), root,
                Instant.parse(checkpoint.getString("created_at")), checkpoint.getString("key_id"), new byte[0]);
        assertThat(Ed25519.verify(publicKey(head.keyId()), AuditEncoding.checkpointStatement(head),
                Base64.getDecoder().decode(checkpoint.getString("signature")))).isTrue();
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteSealedEvents() throws SQLException {
        createAgent(prefix());
        events("limit=1");
        try (Connection connection = TestDatabaseSession.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE audit_event SET actor = 'mallory'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM audit_event WHERE seq = 0"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("TRUNCATE audit_seal"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void theVerifierNamesAnEditedAndADeletedEventExactly() throws SQLException {
        JsonObject edited = events("agent_id=" + createAgent(prefix())).get(1);
        JsonObject deleted = events("agent_id=" + createAgent(prefix())).get(1);
        long editedSeq = edited.getJsonNumber("seq").longValue();
        long deletedSeq = deleted.getJsonNumber("seq").longValue();
        assertThat(admin.get("/api/v1/audit/verify").json().getBoolean("valid")).isTrue();

        try (Connection superuser = TestDatabaseSession.dataSource().getConnection();
             Statement sql = superuser.createStatement()) {
            // Bypass the guard as only a superuser can: with triggers off for this session.
            sql.execute("SET session_replication_role = replica");
            sql.execute("CREATE TEMP TABLE saved AS SELECT * FROM audit_event WHERE seq IN (%d, %d)"
                    .formatted(editedSeq, deletedSeq));
            sql.executeUpdate("UPDATE audit_event SET details = '{\"name\":\"forged\"}' WHERE seq = " + editedSeq);
            sql.executeUpdate("DELETE FROM audit_event WHERE seq = " + deletedSeq);
            try {
                JsonObject result = admin.get("/api/v1/audit/verify").json();

                assertThat(result.getBoolean("valid")).isFalse();
                List<JsonObject> failures = result.getJsonArray("failures").getValuesAs(JsonObject.class);
                assertThat(failures).hasSize(2);
                assertThat(failures.get(0).getString("kind")).isEqualTo("chain_hash_mismatch");
                assertThat(failures.get(0).getJsonNumber("seq").longValue()).isEqualTo(editedSeq);
                assertThat(failures.get(0).getString("event_id")).isEqualTo(edited.getString("event_id"));
                assertThat(failures.get(1).getString("kind")).isEqualTo("sequence_gap");
                assertThat(failures.get(1).getString("message")).contains(String.valueOf(deletedSeq));
                assertThat(result.getJsonObject("first_failure")).isEqualTo(failures.get(0));
            } finally {
                sql.executeUpdate("UPDATE audit_event e SET details = s.details FROM saved s "
                        + "WHERE e.seq = s.seq AND s.seq = " + editedSeq);
                sql.executeUpdate("INSERT INTO audit_event SELECT * FROM saved WHERE seq = " + deletedSeq);
                sql.execute("SET session_replication_role = origin");
            }
        }
        assertThat(admin.get("/api/v1/audit/verify").json().getBoolean("valid")).isTrue();
    }

    @Test
    void unknownFiltersAreA400() {
        assertThat(admin.get("/api/v1/audit/events?type=agent.exploded").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/audit/events?decision=maybe").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/audit/events?from=yesterday").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/audit/events/not-a-uuid").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/audit/events/" + UUID.randomUUID()).status()).isEqualTo(404);
        for (String path : List.of("/api/v1/audit/verify?from=abc", "/api/v1/audit/verify?from=5&to=2",
                "/api/v1/audit/verify?from=999999999", "/api/v1/audit/export?from=999999999",
                "/api/v1/audit/export?to=-1")) {
            Api.Reply reply = admin.get(path);
            assertThat(reply.status()).as(path).isEqualTo(400);
            assertThat(reply.isProblem()).as(path).isTrue();
        }
    }

    @Test
    void anAuditorReadsTheTrailButAnOperatorDoesNot() {
        Api.Reply issued = admin.post("/api/v1/api-keys", "{\"name\": \"op\", \"role\": \"operator\"}");
        assertThat(issued.status()).isEqualTo(201);
        Api operator = admin.withToken(issued.string("token"));
        assertThat(operator.get("/api/v1/audit/events").status()).isEqualTo(403);
        assertThat(operator.get("/api/v1/audit/verify").status()).isEqualTo(403);
        assertThat(admin.anonymous().get("/api/v1/audit/keys").status()).isEqualTo(200);
    }

    private byte[] publicKey(String keyId) {
        JsonObject key = admin.anonymous().get("/api/v1/audit/keys").json().getJsonArray("keys")
                .getValuesAs(JsonObject.class).stream().filter(k -> k.getString("key_id").equals(keyId)).findFirst()
                .orElseThrow();
        return Base64.getDecoder().decode(key.getString("public_key"));
    }
}
