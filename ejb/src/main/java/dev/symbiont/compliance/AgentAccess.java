package dev.symbiont.compliance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one agent did in the period: its policy decisions by outcome, the actions it was decided on (sorted), and
 * the first and last event that named it. {@code agentName} is the latest name the trail gave it, null if none.
 */
public record AgentAccess(UUID agentId, String agentName, long allowed, long denied, long conditional,
                          List<String> actions, Instant firstSeen, Instant lastSeen) {

    public AgentAccess {
        actions = List.copyOf(actions);
    }
}
