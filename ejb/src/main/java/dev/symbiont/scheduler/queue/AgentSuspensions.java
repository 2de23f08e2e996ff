package dev.symbiont.scheduler.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Why a suspended agent is suspended, as far as its tasks are concerned. A preemption suspends the agent and hands
 * its task back in one transaction with one timestamp, so the agent's state_changed_at equals the time of a
 * running-to-preempted move of one of its tasks; the agent then resumes when that work restarts. Any other
 * suspension (an operator's, or for a policy violation) holds the agent's tasks until it is resumed. Reading the
 * fact from the two tables that record it keeps it from drifting, and needs no flag for writers to forget.
 */
public final class AgentSuspensions {

    private static final String BY_PREEMPTION = "EXISTS (SELECT 1 FROM agent_task t JOIN agent_task_transition tr "
            + "ON tr.task_id = t.id WHERE t.agent_id = a.id AND tr.from_state = 'running' "
            + "AND tr.to_state = 'preempted' AND tr.at = a.state_changed_at)";

    private AgentSuspensions() {
    }

    /** Whether the agent is suspended because the scheduler preempted its task (false if not suspended at all). */
    public static boolean byPreemption(Connection connection, UUID agentId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT a.state = 'SUSPENDED' AND " + BY_PREEMPTION + " FROM agent a WHERE a.id = ?")) {
            select.setObject(1, agentId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    /** Suspended agents whose tasks wait for them to be resumed: every suspension that is not a preemption. */
    public static List<UUID> holding(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT a.id FROM agent a WHERE a.state = 'SUSPENDED' AND NOT " + BY_PREEMPTION);
             ResultSet row = select.executeQuery()) {
            List<UUID> ids = new ArrayList<>();
            while (row.next()) {
                ids.add(row.getObject(1, UUID.class));
            }
            return ids;
        }
    }
}
