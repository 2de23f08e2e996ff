package dev.symbiont.lifecycle;

import dev.symbiont.runtime.DomainException;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A requested state change is not one of the transitions allowed from the agent's current state. */
public class IllegalTransitionException extends DomainException {

    private final UUID agentId;
    private final AgentState current;
    private final AgentState requested;

    public IllegalTransitionException(UUID agentId, AgentState current, AgentState requested) {
        this(agentId, current, requested, "agent " + agentId + " is " + current.label() + " and cannot move to "
                + requested.label() + "; allowed from " + current.label() + ": " + describe(current.allowedTargets()));
    }

    /** A command applied to an agent in a state it does not apply to. */
    public IllegalTransitionException(UUID agentId, AgentState current, LifecycleCommand command) {
        this(agentId, current, command.target(), "agent " + agentId + " is " + current.label() + ": "
                + command.label() + " applies only to " + command.describeSources() + " agents; allowed from "
                + current.label() + ": " + describe(current.allowedTargets()));
    }

    private IllegalTransitionException(UUID agentId, AgentState current, AgentState requested, String message) {
        super(message);
        this.agentId = agentId;
        this.current = current;
        this.requested = requested;
    }

    public UUID agentId() { return agentId; }
    public AgentState current() { return current; }
    public AgentState requested() { return requested; }
    public Set<AgentState> allowed() { return current.allowedTargets(); }

    private static String describe(Set<AgentState> states) {
        return states.isEmpty() ? "none (terminal state)"
                : states.stream().map(AgentState::label).collect(Collectors.joining(", "));
    }
}
