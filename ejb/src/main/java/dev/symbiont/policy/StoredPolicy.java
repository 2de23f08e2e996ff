package dev.symbiont.policy;

import java.time.Instant;

/** A registered policy as stored: the document exactly as submitted, with its version and who wrote it. */
public record StoredPolicy(String id, int version, String description, String document, int ruleCount,
                           Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
}
