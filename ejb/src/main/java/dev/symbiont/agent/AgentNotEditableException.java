package dev.symbiont.agent;

import dev.symbiont.runtime.DomainException;
import dev.symbiont.lifecycle.AgentState;
import java.util.UUID;

/** The definition cannot be replaced in the agent's current state. */
public class AgentNotEditableException extends DomainException {

    private final AgentState state;

    public AgentNotEditableException(UUID id, AgentState state) {
        super("agent " + id + " is " + state.label() + "; its definition can only be replaced while ready or suspended");
        this.state = state;
    }

    public AgentState state() {
        return state;
    }
}
