package dev.symbiont.agent;

import dev.symbiont.lifecycle.AgentHistoryEntry;
import dev.symbiont.lifecycle.AgentState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Port: where agents and their history are kept. Methods run in the caller's transaction. */
public interface AgentRepository {

    Optional<Agent> find(UUID id);

    /** Stores a new agent with its pending events. */
    void add(Agent agent);

    /**
     * Stores the changes of an agent loaded in this transaction with its pending events.
     *
     * @throws AgentConcurrentlyModifiedException when another transaction changed it first
     */
    void update(Agent agent);

    AgentPage page(AgentQuery query);

    List<AgentHistoryEntry> history(UUID agentId, long afterEntryId, int limit);

    Map<AgentState, Long> countByState();
}
