package dev.symbiont.audit.bundle;

import static dev.symbiont.audit.bundle.JsonFields.array;
import static dev.symbiont.audit.bundle.JsonFields.base64;
import static dev.symbiont.audit.bundle.JsonFields.element;
import static dev.symbiont.audit.bundle.JsonFields.hash;
import static dev.symbiont.audit.bundle.JsonFields.instant;
import static dev.symbiont.audit.bundle.JsonFields.integer;
import static dev.symbiont.audit.bundle.JsonFields.object;
import static dev.symbiont.audit.bundle.JsonFields.optionalInstant;
import static dev.symbiont.audit.bundle.JsonFields.optionalString;
import static dev.symbiont.audit.bundle.JsonFields.optionalUuid;
import static dev.symbiont.audit.bundle.JsonFields.string;
import static dev.symbiont.audit.bundle.JsonFields.stringElement;
import static dev.symbiont.audit.bundle.JsonFields.uuid;

import dev.symbiont.audit.format.ChainedEvent;
import dev.symbiont.audit.format.Checkpoint;
import dev.symbiont.audit.format.Hashes;
import dev.symbiont.audit.format.Manifest;
import dev.symbiont.audit.format.ManifestFile;
import dev.symbiont.audit.format.PublishedKey;
import dev.symbiont.audit.format.Seal;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The JSON of FORMAT.md, both ways, through the JSON-P API only (the server runs on the application server's
 * implementation). Field names are exactly the spec's; hashes are lowercase hex, keys and signatures base64,
 * instants ISO-8601. Readers throw {@link AuditJsonException} naming the offending field.
 */
public final class AuditJson {

    public static final String KEY_ALGORITHM = "Ed25519";

    // JsonProvider.provider() looks the implementation up on every call: resolve it once
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final JsonBuilderFactory BUILDERS = JSON.createBuilderFactory(Map.of());
    private static final JsonReaderFactory READERS = JSON.createReaderFactory(Map.of());
    private static final JsonWriterFactory WRITERS = JSON.createWriterFactory(Map.of());
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private AuditJson() {
    }

    public static JsonObject toJson(ChainedEvent e) {
        JsonObjectBuilder json = BUILDERS.createObjectBuilder()
                .add("seq", e.seq())
                .add("event_id", e.eventId().toString())
                .add("occurred_at", e.occurredAt().toString());
        addNullable(json, "agent_id", e.agentId() == null ? null : e.agentId().toString());
        json.add("event_type", e.eventType());
        addNullable(json, "actor", e.actor());
        addNullable(json, "decision", e.decision());
        return json.add("details", e.details())
                .add("prev_hash", Hashes.hex(e.prevHash()))
                .add("chain_hash", Hashes.hex(e.chainHash()))
                .build();
    }

    public static ChainedEvent readEvent(JsonObject json) {
        return construct(() -> new ChainedEvent(integer(json, "seq"), uuid(json, "event_id"),
                instant(json, "occurred_at"), optionalUuid(json, "agent_id"), string(json, "event_type"),
                optionalString(json, "actor"), optionalString(json, "decision"), string(json, "details"),
                hash(json, "prev_hash"), hash(json, "chain_hash")));
    }

    public static JsonObject toJson(Seal seal) {
        return BUILDERS.createObjectBuilder()
                .add("first_seq", seal.firstSeq())
                .add("last_seq", seal.lastSeq())
                .add("chain_hash", Hashes.hex(seal.chainHash()))
                .add("sealed_at", seal.sealedAt().toString())
                .add("key_id", seal.keyId())
                .add("signature", BASE64.encodeToString(seal.signature()))
                .build();
    }

    public static Seal readSeal(JsonObject json) {
        return construct(() -> new Seal(integer(json, "first_seq"), integer(json, "last_seq"),
                hash(json, "chain_hash"), instant(json, "sealed_at"), string(json, "key_id"),
                base64(json, "signature")));
    }

    public static JsonObject toJson(Checkpoint checkpoint) {
        return BUILDERS.createObjectBuilder()
                .add("tree_size", checkpoint.treeSize())
                .add("root_hash", Hashes.hex(checkpoint.rootHash()))
                .add("created_at", checkpoint.createdAt().toString())
                .add("key_id", checkpoint.keyId())
                .add("signature", BASE64.encodeToString(checkpoint.signature()))
                .build();
    }

    public static Checkpoint readCheckpoint(JsonObject json) {
        return construct(() -> new Checkpoint(integer(json, "tree_size"), hash(json, "root_hash"),
                instant(json, "created_at"), string(json, "key_id"), base64(json, "signature")));
    }

    public static JsonObject toJson(InclusionProof proof) {
        JsonArrayBuilder path = BUILDERS.createArrayBuilder();
        proof.auditPath().forEach(node -> path.add(Hashes.hex(node)));
        return BUILDERS.createObjectBuilder().add("seq", proof.seq()).add("audit_path", path).build();
    }

    public static InclusionProof readInclusionProof(JsonObject json) {
        JsonArray path = array(json, "audit_path");
        List<byte[]> nodes = new ArrayList<>(path.size());
        for (int i = 0; i < path.size(); i++) {
            nodes.add(hash(stringElement(path, i, "audit_path"), "audit_path[" + i + "]"));
        }
        return new InclusionProof(integer(json, "seq"), nodes);
    }

    /** checkpoint.json: {"checkpoint": {...}, "inclusion": [...]}. */
    public static JsonObject toJson(CheckpointDocument document) {
        JsonArrayBuilder inclusion = BUILDERS.createArrayBuilder();
        document.inclusion().forEach(proof -> inclusion.add(toJson(proof)));
        return BUILDERS.createObjectBuilder()
                .add("checkpoint", toJson(document.checkpoint()))
                .add("inclusion", inclusion)
                .build();
    }

    public static CheckpointDocument readCheckpointDocument(JsonObject json) {
        return new CheckpointDocument(readCheckpoint(object(json, "checkpoint")),
                readList(array(json, "inclusion"), "inclusion", AuditJson::readInclusionProof));
    }

    public static JsonObject toJson(PublishedKey key) {
        JsonObjectBuilder json = BUILDERS.createObjectBuilder()
                .add("key_id", key.keyId())
                .add("algorithm", KEY_ALGORITHM)
                .add("public_key", BASE64.encodeToString(key.publicKey()))
                .add("valid_from", key.validFrom().toString());
        addNullable(json, "valid_to", key.validTo() == null ? null : key.validTo().toString());
        return json.build();
    }

    public static PublishedKey readKey(JsonObject json) {
        String algorithm = string(json, "algorithm");
        if (!KEY_ALGORITHM.equals(algorithm)) {
            throw new AuditJsonException("key " + optionalString(json, "key_id") + " has algorithm " + algorithm
                    + "; only " + KEY_ALGORITHM + " is defined");
        }
        return construct(() -> new PublishedKey(string(json, "key_id"), base64(json, "public_key"),
                instant(json, "valid_from"), optionalInstant(json, "valid_to")));
    }

    /** What GET /api/v1/audit/keys returns: {"keys": [...]}. */
    public static JsonObject keysDocument(List<PublishedKey> keys) {
        JsonArrayBuilder array = BUILDERS.createArrayBuilder();
        keys.forEach(key -> array.add(toJson(key)));
        return BUILDERS.createObjectBuilder().add("keys", array).build();
    }

    public static List<PublishedKey> readKeysDocument(JsonObject json) {
        return readList(array(json, "keys"), "keys", AuditJson::readKey);
    }

    public static JsonObject toJson(Manifest manifest) {
        JsonArrayBuilder files = BUILDERS.createArrayBuilder();
        for (ManifestFile file : manifest.files()) {
            files.add(BUILDERS.createObjectBuilder()
                    .add("name", file.name())
                    .add("size", file.size())
                    .add("sha256", Hashes.hex(file.sha256())));
        }
        return BUILDERS.createObjectBuilder()
                .add("format", manifest.format())
                .add("subject", manifest.subject())
                .add("created_at", manifest.createdAt().toString())
                .add("key_id", manifest.keyId())
                .add("files", files)
                .add("signature", BASE64.encodeToString(manifest.signature()))
                .build();
    }

    public static Manifest readManifest(JsonObject json) {
        List<ManifestFile> files = readList(array(json, "files"), "files",
                file -> construct(() -> new ManifestFile(string(file, "name"), integer(file, "size"),
                        hash(file, "sha256"))));
        return construct(() -> new Manifest(string(json, "format"), string(json, "subject"),
                instant(json, "created_at"), string(json, "key_id"), files, base64(json, "signature")));
    }

    /** Parses one JSON object; AuditJsonException when the text is not one. */
    public static JsonObject parse(String text) {
        return parse(new StringReader(text));
    }

    public static JsonObject parse(Reader text) {
        try (JsonReader reader = READERS.createReader(text)) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new AuditJsonException("not a JSON object: " + e.getMessage(), e);
        }
    }

    /** Compact JSON text (no line breaks, so one object per line of a .jsonl file). */
    public static String write(JsonObject json) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = WRITERS.createWriter(text)) {
            writer.writeObject(json);
        }
        return text.toString();
    }

    private static void addNullable(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }

    private static <T> List<T> readList(JsonArray array, String name, Function<JsonObject, T> read) {
        List<T> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonObject item = element(array, i, name);
            try {
                items.add(read.apply(item));
            } catch (AuditJsonException e) {
                throw new AuditJsonException("\"" + name + "\"[" + i + "]: " + e.getMessage(), e);
            }
        }
        return items;
    }

    /** The records' own checks (a 31-byte hash, a nanosecond instant) surface as JSON errors too. */
    private static <T> T construct(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (AuditJsonException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new AuditJsonException(e.getMessage(), e);
        }
    }
}
