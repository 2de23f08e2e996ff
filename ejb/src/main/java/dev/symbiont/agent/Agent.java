package dev.symbiont.agent;

import dev.symbiont.lifecycle.AgentState;
import dev.symbiont.lifecycle.IllegalTransitionException;
import dev.symbiont.lifecycle.LifecycleCommand;
import dev.symbiont.lifecycle.LifecycleEvent;
import dev.symbiont.lifecycle.LifecycleEventKind;
import dev.symbiont.lifecycle.RevisionMismatchException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The agent aggregate: its definition, its lifecycle state, and the rules for changing either. Every change is
 * recorded as a {@link LifecycleEvent} that the repository persists with it, in the same transaction.
 */
public final class Agent {

    private final UUID id;
    private final Instant createdAt;
    private final String createdBy;
    private AgentDefinition definition;
    private AgentState state;
    private String stateReason;
    private Instant stateChangedAt;
    private Instant updatedAt;
    private long revision;
    private final List<LifecycleEvent> pendingEvents = new ArrayList<>();

    private Agent(UUID id, AgentDefinition definition, AgentState state, String stateReason, Instant stateChangedAt,
                  Instant createdAt, String createdBy, Instant updatedAt, long revision) {
        this.id = Objects.requireNonNull(id);
        this.definition = Objects.requireNonNull(definition);
        this.state = Objects.requireNonNull(state);
        this.stateReason = stateReason;
        this.stateChangedAt = stateChangedAt;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.updatedAt = updatedAt;
        this.revision = revision;
    }

    /** A new agent enters Initializing; {@link #completeInitialization} moves it on. */
    public static Agent register(UUID id, AgentDefinition definition, String actor, Instant now) {
        var agent = new Agent(id, definition, AgentState.INITIALIZING, null, now, now, actor, now, 0);
        agent.pendingEvents.add(new LifecycleEvent(LifecycleEventKind.CREATED, null, AgentState.INITIALIZING,
                actor, "registered", now));
        return agent;
    }

    /** Rebuilds a stored agent; no event is recorded. */
    public static Agent restore(UUID id, AgentDefinition definition, AgentState state, String stateReason,
                                Instant stateChangedAt, Instant createdAt, String createdBy, Instant updatedAt,
                                long revision) {
        return new Agent(id, definition, state, stateReason, stateChangedAt, createdAt, createdBy, updatedAt,
                revision);
    }

    /** Initializing -> Ready when the configuration is valid, -> Failed with the problems as reason otherwise. */
    public void completeInitialization(List<String> configurationProblems, String actor, Instant now) {
        if (configurationProblems.isEmpty()) {
            transitionTo(AgentState.READY, actor, "configuration valid", now);
        } else {
            transitionTo(AgentState.FAILED, actor,
                    "invalid configuration: " + String.join("; ", configurationProblems), now);
        }
    }

    /** Applies a named lifecycle command; it must apply to the current state. */
    public void apply(LifecycleCommand command, String actor, String reason, Instant now) {
        if (!command.appliesTo(state)) {
            throw new IllegalTransitionException(id, state, command);
        }
        transitionTo(command.target(), actor, reason, now);
    }

    public void transitionTo(AgentState target, String actor, String reason, Instant now) {
        if (!state.canTransitionTo(target)) {
            throw new IllegalTransitionException(id, state, target);
        }
        pendingEvents.add(new LifecycleEvent(LifecycleEventKind.TRANSITION, state, target, actor, reason, now));
        state = target;
        stateReason = reason;
        stateChangedAt = now;
        updatedAt = now;
    }

    /**
     * Replaces the definition. Allowed while the agent is idle (Ready) or paused (Suspended); a running agent must
     * not change under its task, and Failed or Terminated agents are kept as they were for the record.
     */
    public void redefine(AgentDefinition newDefinition, String actor, Instant now) {
        if (state != AgentState.READY && state != AgentState.SUSPENDED) {
            throw new AgentNotEditableException(id, state);
        }
        definition = Objects.requireNonNull(newDefinition);
        updatedAt = now;
        pendingEvents.add(new LifecycleEvent(LifecycleEventKind.DEFINITION_UPDATED, state, state, actor,
                "definition replaced (version " + newDefinition.version() + ")", now));
    }

    /** Fails when the caller's expected revision (If-Match) is stale. */
    public void requireRevision(Long expected) {
        if (expected != null && expected != revision) {
            throw new RevisionMismatchException(id, expected, revision);
        }
    }

    /**
     * What an execution of this agent runs. Only a Ready agent runs, and only one that has an execution spec.
     *
     * @throws AgentNotRunnableException otherwise
     */
    public ExecutionSpec requireRunnable() {
        if (state != AgentState.READY) {
            throw new AgentNotRunnableException(id, "agent " + id + " is " + state.label()
                    + "; only a ready agent can be executed");
        }
        return definition.executionSpec().orElseThrow(() -> new AgentNotRunnableException(id, "agent " + id
                + " has no execution spec (image and command); redefine it with one to execute it"));
    }

    /** Events recorded since the agent was loaded or created, oldest first; cleared once stored. */
    public List<LifecycleEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }

    /** Called by the repository after a successful write. */
    public void markStored(long newRevision) {
        pendingEvents.clear();
        revision = newRevision;
    }

    public UUID id() { return id; }
    public AgentDefinition definition() { return definition; }
    public AgentState state() { return state; }
    public String stateReason() { return stateReason; }
    public Instant stateChangedAt() { return stateChangedAt; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public Instant updatedAt() { return updatedAt; }
    /** Increases with every stored change; used for optimistic locking and as the HTTP ETag. */
    public long revision() { return revision; }
}
