package dev.symbiont.web.policy;

import dev.symbiont.policy.PolicyRevision;
import jakarta.json.JsonObject;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PolicyRevision", description = "One change of a policy: who, when, and the document of that version")
public record PolicyRevisionResponse(long id, int version,
                                     @Schema(enumeration = {"created", "updated", "deleted"}) String change,
                                     String actor, Instant changedAt, JsonObject document) {

    static PolicyRevisionResponse of(PolicyRevision r) {
        return new PolicyRevisionResponse(r.id(), r.version(), r.change(), r.actor(), r.changedAt(),
                PolicyResponse.json(r.document()));
    }
}
