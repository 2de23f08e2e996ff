package dev.symbiont.agent;

import dev.symbiont.lifecycle.AgentState;
import java.util.Set;

/** Filters and keyset position of an agent listing. Null filters match everything. */
public record AgentQuery(Set<AgentState> states, String nameContains, String capability,
                         DataSensitivity dataSensitivity, AgentCursor after, int limit) {

    public static final int MAX_LIMIT = 500;

    public AgentQuery {
        states = states == null ? Set.of() : Set.copyOf(states);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
