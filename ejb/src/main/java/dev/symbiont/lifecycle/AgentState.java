package dev.symbiont.lifecycle;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle states of an agent and the transitions between them, exactly as the architecture's state diagram:
 * <pre>
 *   Initializing -> Ready (valid config) | Failed (invalid config)
 *   Ready        -> Running (task assigned) | Terminated (shutdown)
 *   Running      -> Suspended (policy violation, resources) | Ready (task complete)
 *   Suspended    -> Running (policy cleared) | Terminated (manual override)
 *   Failed       -> Terminated
 * </pre>
 */
public enum AgentState {
    INITIALIZING, READY, RUNNING, SUSPENDED, FAILED, TERMINATED;

    private static final Map<AgentState, Set<AgentState>> TRANSITIONS = new EnumMap<>(AgentState.class);

    static {
        TRANSITIONS.put(INITIALIZING, EnumSet.of(READY, FAILED));
        TRANSITIONS.put(READY, EnumSet.of(RUNNING, TERMINATED));
        TRANSITIONS.put(RUNNING, EnumSet.of(SUSPENDED, READY));
        TRANSITIONS.put(SUSPENDED, EnumSet.of(RUNNING, TERMINATED));
        TRANSITIONS.put(FAILED, EnumSet.of(TERMINATED));
        TRANSITIONS.put(TERMINATED, EnumSet.noneOf(AgentState.class));
        TRANSITIONS.replaceAll((state, targets) -> Collections.unmodifiableSet(targets));
    }

    /** The states this one may move to, in declaration order. */
    public Set<AgentState> allowedTargets() {
        return TRANSITIONS.get(this);
    }

    public boolean canTransitionTo(AgentState target) {
        return TRANSITIONS.get(this).contains(target);
    }

    public boolean isTerminal() {
        return this == TERMINATED;
    }

    /** Lower-case name used on the wire and in messages. */
    public String label() {
        return name().toLowerCase();
    }
}
