package dev.symbiont.compliance;

import java.time.Instant;
import java.util.UUID;

/**
 * One denied policy decision. {@code agentId} is null when the subject was not an existing agent (a denied
 * registration); {@code ruleId} is null when no rule named the denial (the default effect, or a condition the
 * enforcement point could not honour).
 */
public record DenialRow(long seq, Instant occurredAt, UUID agentId, String agentName, String action, String actor,
                        String reason, String ruleId) {
}
