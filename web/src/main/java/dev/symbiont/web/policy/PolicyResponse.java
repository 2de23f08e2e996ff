package dev.symbiont.web.policy;

import dev.symbiont.policy.StoredPolicy;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Policy", description = "A registered policy: its current version and document")
public record PolicyResponse(String id, int version, String description, int ruleCount, Instant createdAt,
                             String createdBy, Instant updatedAt, String updatedBy,
                             @Schema(description = "The policy document as registered") JsonObject document) {

    static PolicyResponse of(StoredPolicy p) {
        return new PolicyResponse(p.id(), p.version(), p.description(), p.ruleCount(), p.createdAt(),
                p.createdBy(), p.updatedAt(), p.updatedBy(), json(p.document()));
    }

    static JsonObject json(String document) {
        try (var reader = Json.createReader(new StringReader(document))) {
            return reader.readObject();
        }
    }
}
