package dev.symbiont.lifecycle;

import java.time.Instant;
import java.util.UUID;

/** A persisted history entry: a {@link LifecycleEvent} with its sequence id and the agent revision it produced. */
public record AgentHistoryEntry(long id, UUID agentId, LifecycleEventKind kind, AgentState from, AgentState to,
                                String actor, String reason, Instant occurredAt, long agentRevision) {
}
