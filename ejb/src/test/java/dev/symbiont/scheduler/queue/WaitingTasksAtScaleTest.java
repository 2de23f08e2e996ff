package dev.symbiont.scheduler.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.testing.MigratedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A scheduler starting on a full queue: 100,000 waiting tasks come back in claim order through the stream. */
class WaitingTasksAtScaleTest {

    @RegisterExtension
    static final MigratedPostgres DB = new MigratedPostgres();

    private static final int TASKS = 100_000;

    /** Submissions spread over four priorities and 500 distinct enqueue times, so every key of the order matters. */
    private static void submitInBulk(UUID agentId) throws SQLException {
        try (Connection c = DB.dataSource().getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO agent_task (id, agent_id, priority, state, state_changed_at, memory_mb, cpu_cores,
                    disk_io_mbps, network_io_mbps, timeout_ms, input_size, input_sha256, request_sha256, submitted_by,
                    submitted_at, enqueued_at, max_attempts)
                SELECT gen_random_uuid(), ?, (ARRAY['low', 'normal', 'high', 'critical'])[1 + i % 4], 'queued', at,
                    64, 0.5, 20, 0, 30000, 0, repeat('0', 64), repeat('1', 64), 'bulk', at, at, 3
                FROM generate_series(1, ?) AS i,
                    LATERAL (SELECT timestamptz '2026-11-24 10:00:00+00' + (i % 500) * interval '1 ms') AS t (at)""")) {
            insert.setObject(1, agentId);
            insert.setInt(2, TASKS);
            insert.executeUpdate();
        }
    }

    @Test
    void aHundredThousandWaitingTasksStreamInClaimOrder() throws SQLException {
        submitInBulk(TaskFixtures.agent(DB.dataSource()));
        List<StoredTask> outOfOrder = new ArrayList<>();
        StoredTask[] previous = new StoredTask[1];

        long count;
        try (Connection c = DB.transactional()) {
            count = TaskRows.loadWaiting(c, task -> {
                if (previous[0] != null && StoredTask.CLAIM_ORDER.compare(previous[0], task) >= 0) {
                    outOfOrder.add(task);
                }
                previous[0] = task;
            });
            c.rollback();
        }

        assertThat(count).isEqualTo(TASKS);
        assertThat(outOfOrder).isEmpty();
    }
}
