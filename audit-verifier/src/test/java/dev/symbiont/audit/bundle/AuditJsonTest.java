package dev.symbiont.audit.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symbiont.audit.fixtures.ChainFixture;
import dev.symbiont.audit.format.ChainedEvent;
import dev.symbiont.audit.format.Hashes;
import dev.symbiont.audit.format.Manifest;
import dev.symbiont.audit.format.ManifestFile;
import dev.symbiont.audit.format.PublishedKey;
import dev.symbiont.audit.format.Seal;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditJsonTest {

    final ChainFixture chain = ChainFixture.of(10);

    @Test
    void eventsRoundTripWithTheSpecifiedFieldNames() {
        for (ChainedEvent event : chain.events) {
            JsonObject json = AuditJson.parse(AuditJson.write(AuditJson.toJson(event)));

            assertThat(json.keySet()).containsExactly("seq", "event_id", "occurred_at", "agent_id", "event_type",
                    "actor", "decision", "details", "prev_hash", "chain_hash");
            assertThat(AuditJson.readEvent(json)).isEqualTo(event);
        }
    }

    @Test
    void absentOptionalsAreWrittenAsNullAndDetailsAsAString() {
        ChainedEvent event = chain.events.get(0);
        String line = AuditJson.write(AuditJson.toJson(event));

        assertThat(line).contains("\"agent_id\":null", "\"actor\":null", "\"decision\":\"deny\"",
                "\"chain_hash\":\"" + Hashes.hex(event.chainHash()) + "\"",
                "\"occurred_at\":\"2026-11-24T10:00:00Z\"", "\"details\":\"{\\\"n\\\":0,");
        assertThat(line).doesNotContain("\n");
    }

    @Test
    void sealsRoundTripWithBase64Signatures() {
        Seal seal = chain.seals.get(1);
        JsonObject json = AuditJson.toJson(seal);

        assertThat(json.keySet()).containsExactly("first_seq", "last_seq", "chain_hash", "sealed_at", "key_id",
                "signature");
        assertThat(json.getString("signature")).isEqualTo(Base64.getEncoder().encodeToString(seal.signature()));
        assertThat(AuditJson.readSeal(json)).isEqualTo(seal);
    }

    @Test
    void checkpointDocumentsRoundTrip() {
        CheckpointDocument document = chain.checkpointDocument(0, 9);
        JsonObject json = AuditJson.toJson(document);

        assertThat(json.getJsonObject("checkpoint").keySet()).containsExactly("tree_size", "root_hash", "created_at",
                "key_id", "signature");
        assertThat(json.getJsonArray("inclusion").getJsonObject(0).keySet()).containsExactly("seq", "audit_path");
        assertThat(AuditJson.readCheckpointDocument(AuditJson.parse(AuditJson.write(json)))).isEqualTo(document);
    }

    @Test
    void readsTheKeysDocumentTheServerPublishes() {
        String publicKey = Base64.getEncoder().encodeToString(chain.signer.publicKey());
        String keys = """
                {"keys": [{"key_id": "%s", "algorithm": "Ed25519", "public_key": "%s",
                           "valid_from": "2026-11-24T10:00:00Z", "valid_to": null}]}"""
                .formatted(chain.signer.keyId(), publicKey);

        List<PublishedKey> read = AuditJson.readKeysDocument(AuditJson.parse(keys));

        assertThat(read).containsExactly(chain.key);
        assertThat(AuditJson.readKeysDocument(AuditJson.keysDocument(read))).isEqualTo(read);
    }

    @Test
    void manifestsRoundTrip() {
        Manifest manifest = new ManifestSigner(chain.signer).sign("audit bundle seq 0..9",
                Instant.parse("2026-11-24T10:00:00.123456789Z"), List.of(ManifestFile.of("a.txt", new byte[] {1})));
        JsonObject json = AuditJson.toJson(manifest);

        assertThat(json.keySet()).containsExactly("format", "subject", "created_at", "key_id", "files", "signature");
        assertThat(json.getString("created_at")).isEqualTo("2026-11-24T10:00:00.123456Z");
        assertThat(AuditJson.readManifest(json)).isEqualTo(manifest);
    }

    @Test
    void errorsNameTheOffendingField() {
        JsonObject event = AuditJson.toJson(chain.events.get(1));
        String shortHash = AuditJson.write(event).replace(Hashes.hex(chain.events.get(1).chainHash()), "abcd");
        String noSeq = AuditJson.write(event).replace("\"seq\":1,", "");

        assertThatThrownBy(() -> AuditJson.readEvent(AuditJson.parse(shortHash)))
                .isInstanceOf(AuditJsonException.class).hasMessageContaining("\"chain_hash\"");
        assertThatThrownBy(() -> AuditJson.readEvent(AuditJson.parse(noSeq)))
                .isInstanceOf(AuditJsonException.class).hasMessageContaining("\"seq\" is missing");
        assertThatThrownBy(() -> AuditJson.parse("{not json")).isInstanceOf(AuditJsonException.class);
    }

    @Test
    void refusesKeysOfAnotherAlgorithm() {
        JsonObject key = AuditJson.toJson(chain.key);
        String rsa = AuditJson.write(key).replace("\"Ed25519\"", "\"RSA\"");

        assertThatThrownBy(() -> AuditJson.readKey(AuditJson.parse(rsa))).hasMessageContaining("algorithm RSA");
    }
}
