package dev.symbiont.policy;

import java.time.Instant;

/** One change of a policy: created, updated or deleted, with the document of that version. */
public record PolicyRevision(long id, String policyId, int version, String change, String document, String actor,
                             Instant changedAt) {
}
