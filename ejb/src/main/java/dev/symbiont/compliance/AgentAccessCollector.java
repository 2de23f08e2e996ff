package dev.symbiont.compliance;

import dev.symbiont.audit.AuditEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Per-agent access, in order of first appearance. Rows are kept for the first {@code cap} agents; later agents are
 * only remembered by id so the distinct count stays exact. Memory therefore grows with the number of agents (which
 * exist in the database), never with the number of events.
 */
final class AgentAccessCollector {

    /** Actions are the runtime's own vocabulary; the bound only guards against a trail that says otherwise. */
    private static final int MAX_ACTIONS_PER_AGENT = 64;

    private final int cap;
    private final Map<UUID, Tally> tallies = new LinkedHashMap<>();
    private final Set<UUID> beyondCap = new HashSet<>();

    AgentAccessCollector(int cap) {
        this.cap = cap;
    }

    /** Notes that the event concerns its agent, learning the agent's name when the event carries one. */
    void seen(AuditEvent event, String agentName) {
        Tally tally = tally(event.agentId());
        if (tally != null) {
            tally.seen(event.occurredAt(), agentName);
        }
    }

    void decided(AuditEvent event, String action) {
        Tally tally = tally(event.agentId());
        if (tally != null && event.decision() != null) {
            tally.decided(event.decision(), action);
        }
    }

    String nameOf(UUID agentId) {
        Tally tally = agentId == null ? null : tallies.get(agentId);
        return tally == null ? null : tally.name;
    }

    long distinctAgents() {
        return tallies.size() + beyondCap.size();
    }

    ReportSection<AgentAccess> section() {
        List<AgentAccess> rows = new ArrayList<>(tallies.size());
        tallies.forEach((id, tally) -> rows.add(tally.toRow(id)));
        return new ReportSection<>(rows, beyondCap.size());
    }

    private Tally tally(UUID agentId) {
        if (agentId == null) {
            return null;
        }
        Tally tally = tallies.get(agentId);
        if (tally == null && tallies.size() < cap) {
            tally = new Tally();
            tallies.put(agentId, tally);
        } else if (tally == null) {
            beyondCap.add(agentId);
        }
        return tally;
    }

    private static final class Tally {
        private String name;
        private long allowed;
        private long denied;
        private long conditional;
        private final Set<String> actions = new TreeSet<>();
        private Instant firstSeen;
        private Instant lastSeen;

        void seen(Instant at, String agentName) {
            firstSeen = firstSeen == null || at.isBefore(firstSeen) ? at : firstSeen;
            lastSeen = lastSeen == null || at.isAfter(lastSeen) ? at : lastSeen;
            if (agentName != null) {
                name = agentName;
            }
        }

        void decided(String decision, String action) {
            switch (decision) {
                case "allow" -> allowed++;
                case "deny" -> denied++;
                case "allow_with_conditions" -> conditional++;
                default -> { } // counted as an event in the summary, not as an outcome
            }
            if (action != null && actions.size() < MAX_ACTIONS_PER_AGENT) {
                actions.add(action);
            }
        }

        AgentAccess toRow(UUID id) {
            return new AgentAccess(id, name, allowed, denied, conditional, List.copyOf(actions), firstSeen, lastSeen);
        }
    }
}
