package dev.symbiont.agent;

import java.util.UUID;

public class AgentNotFoundException extends RuntimeException {

    public AgentNotFoundException(UUID id) {
        super("no agent with id " + id);
    }
}
