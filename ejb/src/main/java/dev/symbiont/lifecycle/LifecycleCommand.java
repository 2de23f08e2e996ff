package dev.symbiont.lifecycle;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The named lifecycle operations. Each is one edge (or, for terminate, several edges) of the state diagram, so a verb
 * means what it says: resume only continues a suspended agent, start only assigns work to a ready one.
 */
public enum LifecycleCommand {
    START(AgentState.RUNNING, EnumSet.of(AgentState.READY)),
    COMPLETE(AgentState.READY, EnumSet.of(AgentState.RUNNING)),
    SUSPEND(AgentState.SUSPENDED, EnumSet.of(AgentState.RUNNING)),
    RESUME(AgentState.RUNNING, EnumSet.of(AgentState.SUSPENDED)),
    TERMINATE(AgentState.TERMINATED, EnumSet.of(AgentState.READY, AgentState.SUSPENDED, AgentState.FAILED));

    private final AgentState target;
    private final Set<AgentState> sources;

    LifecycleCommand(AgentState target, Set<AgentState> sources) {
        this.target = target;
        this.sources = Collections.unmodifiableSet(sources);
    }

    public AgentState target() {
        return target;
    }

    /** The states this command applies to. */
    public Set<AgentState> sources() {
        return sources;
    }

    public boolean appliesTo(AgentState state) {
        return sources.contains(state);
    }

    public String label() {
        return name().toLowerCase();
    }

    /** Default history reason when the caller gives none. */
    public String defaultReason() {
        return switch (this) {
            case START -> "task assigned";
            case COMPLETE -> "task complete";
            case SUSPEND -> "suspended";
            case RESUME -> "resumed";
            case TERMINATE -> "terminated";
        };
    }

    String describeSources() {
        return sources.stream().map(AgentState::label).collect(Collectors.joining(" or "));
    }
}
