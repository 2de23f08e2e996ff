package dev.symbiont.agent;

import dev.symbiont.runtime.DomainException;
import java.util.List;

/** A replacement definition this node cannot run; the agent keeps its current definition. */
public class InvalidAgentConfigurationException extends DomainException {

    private final List<String> problems;

    public InvalidAgentConfigurationException(List<String> problems) {
        super("the definition cannot run on this node: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
