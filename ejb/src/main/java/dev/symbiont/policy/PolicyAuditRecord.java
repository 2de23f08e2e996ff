package dev.symbiont.policy;

import java.time.Instant;
import java.util.List;

/** What the audit trail is told about one enforced decision. */
public record PolicyAuditRecord(Instant at, PolicyAction action, PolicyContext subject, String actor,
                                PolicyDecision decision,
                                List<String> matchedRules) {

    public PolicyAuditRecord {
        matchedRules = List.copyOf(matchedRules);
    }
}
