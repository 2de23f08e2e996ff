package dev.symbiont.scheduler.queue;

import dev.symbiont.scheduler.ResourceRequest;
import dev.symbiont.scheduler.TaskPriority;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Rows the queue tests start from: an agent to own tasks, and submissions. */
final class TaskFixtures {

    static final ResourceRequest SMALL = new ResourceRequest(64, 0.5, 20, 0, Duration.ofSeconds(30));

    private TaskFixtures() {
    }

    static UUID agent(DataSource dataSource) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO agent (id, name, version, capabilities, memory_mb, cpu_cores, disk_io_mbps,
                    network_io_mbps, execution_timeout_ms, sandbox_tier, requires_network, requires_filesystem,
                    external_apis, data_sensitivity, state, state_changed_at, created_at, created_by, updated_at,
                    row_version, exec_image, exec_command)
                VALUES (?, 'a', '1', '{}', 64, 0.5, 20, 0, 30000, 'AUTO', false, false, '{}', 'PUBLIC', 'READY',
                    now(), now(), 'test', now(), 0, 'busybox:1', '{/bin/cat}')""")) {
            insert.setObject(1, id);
            insert.executeUpdate();
        }
        return id;
    }

    /** A submission without idempotency key, input "in" and three attempts. */
    static NewTask task(UUID agentId, TaskPriority priority, Instant submittedAt) {
        return new NewTask(UUID.randomUUID(), agentId, priority, SMALL, "in".getBytes(StandardCharsets.UTF_8),
                Optional.empty(), 3, "apikey:ops(k1)", submittedAt);
    }

    static StoredTask stored(Connection connection, NewTask task) throws SQLException {
        TaskInsertion insertion = TaskRows.insert(connection, task);
        if (!insertion.created()) {
            throw new IllegalStateException("fixture task " + task.id() + " was not created: " + insertion);
        }
        return insertion.task();
    }

    /**
     * Cancels what earlier tests of the class left waiting, so a test that claims from the whole queue sees only
     * its own tasks (rows are never deleted; cancelling is the queue's own way to take tasks out).
     */
    static void cancelWaiting(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE agent_task SET state = 'cancelled', reason = 'an earlier test''s leftover', "
                    + "state_changed_at = now(), ended_at = now() WHERE state IN ('queued', 'preempted')");
        }
    }
}
