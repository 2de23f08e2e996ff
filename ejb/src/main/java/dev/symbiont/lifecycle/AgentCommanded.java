package dev.symbiont.lifecycle;

import java.util.UUID;

/**
 * An operator's lifecycle command was applied to an agent: fired inside the command's transaction, so observers
 * can change what belongs to the agent atomically with it (a terminated agent's waiting tasks are withdrawn), or
 * after it commits to act on what runs (a suspended agent's running task is stopped).
 */
public record AgentCommanded(UUID agentId, LifecycleCommand command, AgentState from, String actor, String reason) {
}
