package dev.symbiont.scheduler;

import dev.symbiont.scheduler.queue.StoredTask;
import dev.symbiont.scheduler.queue.TaskRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;

/** Sums an agent's executions and counts its tasks over a period (both tables are indexed by agent and time). */
final class AgentUsageRows {

    private AgentUsageRows() {
    }

    static AgentUsage of(Connection c, UUID agentId, Instant since) throws SQLException {
        Map<String, Long> executions = new TreeMap<>();
        long runMs = 0;
        long cpuMs = 0;
        long output = 0;
        Long peak = null;
        try (PreparedStatement q = c.prepareStatement("""
                SELECT status, count(*), coalesce(sum(duration_ms), 0), coalesce(sum(cpu_time_ms), 0),
                       max(peak_memory_bytes), coalesce(sum(stdout_total), 0) + coalesce(sum(stderr_total), 0)
                FROM sandbox_execution WHERE agent_id = ? AND requested_at >= ? GROUP BY status""")) {
            q.setObject(1, agentId);
            q.setTimestamp(2, Timestamp.from(since));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    executions.put(r.getString(1).toLowerCase(), r.getLong(2));
                    runMs += r.getLong(3);
                    cpuMs += r.getLong(4);
                    long p = r.getLong(5);
                    if (!r.wasNull()) {
                        peak = peak == null ? p : Math.max(peak, p);
                    }
                    output += r.getLong(6);
                }
            }
        }
        Map<String, Long> tasks = new TreeMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT state, count(*) FROM agent_task "
                + "WHERE agent_id = ? AND submitted_at >= ? GROUP BY state")) {
            q.setObject(1, agentId);
            q.setTimestamp(2, Timestamp.from(since));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    tasks.put(r.getString(1), r.getLong(2));
                }
            }
        }
        Optional<ResourceRequest> holding = Optional.empty();
        try (PreparedStatement q = c.prepareStatement("SELECT id FROM agent_task WHERE agent_id = ? "
                + "AND state = 'running' LIMIT 1")) {
            q.setObject(1, agentId);
            try (ResultSet r = q.executeQuery()) {
                if (r.next()) {
                    holding = TaskRows.find(c, r.getObject(1, UUID.class)).map(StoredTask::resources);
                }
            }
        }
        return new AgentUsage(since, executions, tasks, Duration.ofMillis(runMs), Duration.ofMillis(cpuMs),
                peak == null ? OptionalLong.empty() : OptionalLong.of(peak), output, holding);
    }
}
