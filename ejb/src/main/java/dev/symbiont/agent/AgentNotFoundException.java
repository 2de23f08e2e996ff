package dev.symbiont.agent;

import dev.symbiont.runtime.DomainException;
import java.util.UUID;

public class AgentNotFoundException extends DomainException {

    public AgentNotFoundException(UUID id) {
        super("no agent with id " + id);
    }
}
