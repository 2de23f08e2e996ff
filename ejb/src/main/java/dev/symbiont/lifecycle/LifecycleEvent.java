package dev.symbiont.lifecycle;

import java.time.Instant;

/** One entry of an agent's history, as recorded by the aggregate before it is persisted. */
public record LifecycleEvent(LifecycleEventKind kind, AgentState from, AgentState to, String actor, String reason,
                             Instant occurredAt) {
}
