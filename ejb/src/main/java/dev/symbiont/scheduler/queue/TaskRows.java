package dev.symbiont.scheduler.queue;

import dev.symbiont.scheduler.ResourceRequest;
import dev.symbiont.scheduler.TaskPriority;
import dev.symbiont.scheduler.TaskState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The agent_task and agent_task_transition tables (V7). Callers own the connection and its transaction; the
 * transition history is written by the table's triggers with every state change made here.
 *
 * <p>Restart rule ({@link #recoverRunning}): a task a dead server left running is queued again while its spent
 * attempts stay below max_attempts, and failed once they reach it. A run the scheduler handed back (preempted, or
 * held for its suspended agent) spends no attempt: only runs a crash interrupted count, so a task preempted many
 * times is not failed by the first crash. Delivery is therefore at least once: a task interrupted by a crash may run
 * again even though its first run had effects. The scheduler hands the workload the task's idempotency key and claim
 * number ({@code attempts}, every run counted) so it can recognise a repeat and de-duplicate its side effects.
 */
public final class TaskRows {

    private static final String COLUMNS = "t.id, t.agent_id, t.priority, t.state, t.state_changed_at, t.memory_mb, "
            + "t.cpu_cores, t.disk_io_mbps, t.network_io_mbps, t.timeout_ms, t.input_size, t.input_sha256, "
            + "t.idempotency_key, t.request_sha256, t.submitted_by, t.submitted_at, t.enqueued_at, t.started_at, "
            + "t.ended_at, t.seq, t.attempts, t.max_attempts, t.node_id, t.execution_id, t.reason, t.exit_code, "
            + "t.row_version";
    private static final String WAITING = "t.state IN ('queued', 'preempted')";
    private static final String CLAIM_ORDER = "t.priority_rank DESC, t.enqueued_at, t.seq";
    private static final String CLAIMED = "state = 'running', attempts = t.attempts + 1, node_id = ?, "
            + "started_at = ?, state_changed_at = ?, reason = NULL";
    /** Claims less the runs handed back by preemption or a hold: what the restart rule counts against max_attempts. */
    private static final String SPENT = "(t.attempts - (SELECT count(*) FROM agent_task_transition p "
            + "WHERE p.task_id = t.id AND p.from_state = 'running' AND p.to_state = 'preempted'))";
    private static final int MAX_REASON = 4096;
    private static final int STREAM_FETCH_SIZE = 500;

    private TaskRows() {
    }

    /**
     * Stores a submission as a queued task, unless the agent already has a task under its idempotency key: then
     * that task comes back, marked as a retry of the same request or as a reused key. One statement decides, so
     * concurrent retries with one key store one task.
     */
    public static TaskInsertion insert(Connection connection, NewTask task) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO agent_task AS t (id, agent_id, "
                + "priority, state, state_changed_at, memory_mb, cpu_cores, disk_io_mbps, network_io_mbps, "
                + "timeout_ms, input, input_size, input_sha256, idempotency_key, request_sha256, submitted_by, "
                + "submitted_at, enqueued_at, max_attempts) "
                + "VALUES (?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (agent_id, idempotency_key) DO NOTHING RETURNING " + COLUMNS)) {
            ResourceRequest r = task.resources();
            int i = 1;
            insert.setObject(i++, task.id());
            insert.setObject(i++, task.agentId());
            insert.setString(i++, task.priority().label());
            insert.setObject(i++, utc(task.submittedAt()));
            insert.setInt(i++, r.memoryMb());
            insert.setDouble(i++, r.cpuCores());
            insert.setInt(i++, r.diskIoMbps());
            insert.setInt(i++, r.networkIoMbps());
            insert.setLong(i++, r.timeout().toMillis());
            insert.setBytes(i++, task.input());
            insert.setInt(i++, task.inputSize());
            insert.setString(i++, task.inputSha256());
            insert.setString(i++, task.idempotencyKey().orElse(null));
            insert.setString(i++, task.requestSha256());
            insert.setString(i++, task.submittedBy());
            insert.setObject(i++, utc(task.submittedAt()));
            insert.setObject(i++, utc(task.submittedAt()));
            insert.setInt(i, task.maxAttempts());
            Optional<StoredTask> created = first(insert);
            if (created.isPresent()) {
                return new TaskInsertion(created.get(), TaskInsertion.Outcome.CREATED);
            }
        }
        StoredTask existing = byIdempotencyKey(connection, task.agentId(), task.idempotencyKey().orElseThrow())
                .orElseThrow(() -> new SQLException("agent " + task.agentId() + ": the task holding idempotency key "
                        + "'" + task.idempotencyKey().orElseThrow() + "' is not visible to this transaction"));
        return new TaskInsertion(existing, existing.sameRequestAs(task) ? TaskInsertion.Outcome.REPLAYED
                : TaskInsertion.Outcome.KEY_REUSED);
    }

    /**
     * Claims one specific waiting task (queued or preempted) for this node: running, one more attempt.
     *
     * @return the task as claimed; empty when another transaction holds it, or it is not waiting (any more)
     */
    public static Optional<StoredTask> claim(Connection connection, UUID taskId, String nodeId, Instant now)
            throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement("WITH target AS MATERIALIZED ("
                + "SELECT t.id FROM agent_task t WHERE t.id = ? AND " + WAITING + " FOR UPDATE SKIP LOCKED) "
                + "UPDATE agent_task t SET " + CLAIMED + " FROM target WHERE t.id = target.id RETURNING " + COLUMNS)) {
            claim.setObject(1, taskId);
            claimed(claim, 2, nodeId, now);
            return first(claim);
        }
    }

    /**
     * Claims up to {@code limit} waiting tasks in claim order, passing over those other transactions hold, so
     * several nodes (or threads) can share one queue without ever claiming a task twice. Strict order only: the
     * ageing of waiting tasks is the in-memory scheduler's.
     *
     * @return the claimed tasks in claim order
     */
    public static List<StoredTask> claimNext(Connection connection, String nodeId, Instant now, int limit)
            throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement("WITH next AS MATERIALIZED ("
                + "SELECT t.id FROM agent_task t WHERE " + WAITING + " ORDER BY " + CLAIM_ORDER
                + " LIMIT ? FOR UPDATE SKIP LOCKED) "
                + "UPDATE agent_task t SET " + CLAIMED + " FROM next WHERE t.id = next.id RETURNING " + COLUMNS)) {
            claim.setInt(1, limit);
            claimed(claim, 2, nodeId, now);
            List<StoredTask> tasks = all(claim);
            tasks.sort(StoredTask.CLAIM_ORDER);
            return tasks;
        }
    }

    /**
     * Moves a task from {@code expected} to {@code next} if it is still in {@code expected} (compare and set).
     * Moving back to waiting releases the node; an end records when, and the exit code if any.
     *
     * @param reason      why, when the move needs one (failed, cancelled, timed out, preempted, requeued)
     * @param exitCode    the process's exit code when the task ends after running; null otherwise
     * @param executionId the task's latest sandbox execution; null keeps the one already linked
     * @return false when the task was not in {@code expected}
     * @throws IllegalArgumentException for a move TaskState does not allow, or to running (only a claim starts it)
     */
    public static boolean move(Connection connection, UUID taskId, TaskState expected, TaskState next, Instant now,
                               String reason, Integer exitCode, UUID executionId) throws SQLException {
        if (next == TaskState.RUNNING) {
            throw new IllegalArgumentException("a task starts running only by being claimed");
        }
        if (!expected.canMoveTo(next)) {
            throw new IllegalArgumentException("a task cannot move from " + expected.label() + " to " + next.label());
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE agent_task t SET state = ?, "
                + "state_changed_at = ?, reason = ?, exit_code = ?, execution_id = coalesce(?, t.execution_id), "
                + "node_id = CASE WHEN ? THEN NULL ELSE t.node_id END, ended_at = ? WHERE t.id = ? AND t.state = ?")) {
            update.setString(1, next.label());
            update.setObject(2, utc(now));
            update.setString(3, clip(reason));
            update.setObject(4, exitCode, Types.INTEGER);
            update.setObject(5, executionId, Types.OTHER);
            update.setBoolean(6, next.isWaiting());
            update.setObject(7, next.isFinal() ? utc(now) : null, Types.TIMESTAMP_WITH_TIMEZONE);
            update.setObject(8, taskId);
            update.setString(9, expected.label());
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Cancels every waiting (queued or preempted) task of the agent, with one reason: what terminating an agent
     * does to its queue, in the terminating transaction.
     *
     * @return the cancelled tasks, in submission order
     */
    public static List<StoredTask> cancelWaiting(Connection connection, UUID agentId, Instant now, String reason)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE agent_task t SET state = 'cancelled', "
                + "state_changed_at = ?, ended_at = ?, reason = ? WHERE t.agent_id = ? AND " + WAITING
                + " RETURNING " + COLUMNS)) {
            update.setObject(1, utc(now));
            update.setObject(2, utc(now));
            update.setString(3, clip(reason));
            update.setObject(4, agentId);
            List<StoredTask> cancelled = all(update);
            cancelled.sort(Comparator.comparingLong(StoredTask::seq));
            return cancelled;
        }
    }

    /**
     * Links a running task to the sandbox execution that runs it, so a run a crash interrupts can be traced.
     *
     * @return false when the task is not running
     */
    public static boolean linkExecution(Connection connection, UUID taskId, UUID executionId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE agent_task SET execution_id = ? WHERE id = ? AND state = 'running'")) {
            update.setObject(1, executionId);
            update.setObject(2, taskId);
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Hands every waiting task to {@code consumer} in claim order, a batch of rows at a time through a
     * forward-only cursor, so the scheduler rebuilds its queues at start without holding the whole result twice.
     *
     * @return how many tasks were handed over
     * @throws IllegalStateException when the connection is in auto-commit mode, where the driver cannot keep a
     *                               cursor open and would read every row at once
     */
    public static long loadWaiting(Connection connection, Consumer<StoredTask> consumer) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("loading the waiting tasks streams them inside a transaction; "
                    + "the connection is in auto-commit mode");
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM agent_task t "
                + "WHERE " + WAITING + " ORDER BY " + CLAIM_ORDER, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            select.setFetchSize(STREAM_FETCH_SIZE);
            long count = 0;
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    consumer.accept(task(row));
                    count++;
                }
            }
            return count;
        }
    }

    /**
     * The restart rule, for the tasks this node's previous server left running: each is queued again (node
     * released, its place in the queue kept) while its spent attempts (claims not handed back as preempted) stay
     * below max_attempts, and failed once they reach it. At least once: a requeued task may repeat effects of its
     * interrupted run, so the workload is given the idempotency key and attempt number to de-duplicate them. Other nodes' tasks are not touched, nor are
     * tasks claimed at or after {@code now}, so passing the server's start time keeps the rule off what the new
     * server already claimed.
     */
    public static RecoveredTasks recoverRunning(Connection connection, String nodeId, Instant now)
            throws SQLException {
        List<StoredTask> requeued;
        try (PreparedStatement update = connection.prepareStatement("UPDATE agent_task t SET state = 'queued', "
                + "node_id = NULL, state_changed_at = ?, reason = 'server restarted while it ran (attempt ' "
                + "|| " + SPENT + " || ' of at most ' || t.max_attempts || '), queued again' "
                + "WHERE t.node_id = ? AND t.state = 'running' AND t.started_at < ? "
                + "AND " + SPENT + " < t.max_attempts "
                + "RETURNING " + COLUMNS)) {
            update.setObject(1, utc(now));
            update.setString(2, nodeId);
            update.setObject(3, utc(now));
            requeued = all(update);
        }
        List<StoredTask> failed;
        try (PreparedStatement update = connection.prepareStatement("UPDATE agent_task t SET state = 'failed', "
                + "state_changed_at = ?, ended_at = ?, reason = 'server restarted while it ran (attempt ' "
                + "|| " + SPENT + " || ' of at most ' || t.max_attempts || '), no attempt left' "
                + "WHERE t.node_id = ? AND t.state = 'running' AND t.started_at < ? "
                + "AND " + SPENT + " >= t.max_attempts "
                + "RETURNING " + COLUMNS)) {
            update.setObject(1, utc(now));
            update.setObject(2, utc(now));
            update.setString(3, nodeId);
            update.setObject(4, utc(now));
            failed = all(update);
        }
        requeued.sort(Comparator.comparingLong(StoredTask::seq));
        failed.sort(Comparator.comparingLong(StoredTask::seq));
        return new RecoveredTasks(requeued, failed);
    }

    public static Optional<StoredTask> find(Connection connection, UUID taskId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM agent_task t WHERE t.id = ?")) {
            select.setObject(1, taskId);
            return first(select);
        }
    }

    /**
     * The bytes a task hands its process on standard input: zero bytes when it was submitted without input.
     *
     * @return empty only when there is no such task
     */
    public static Optional<byte[]> input(Connection connection, UUID taskId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT coalesce(input, ''::bytea) FROM agent_task WHERE id = ?")) {
            select.setObject(1, taskId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** The agent's tasks newest first, after the one named (keyset), at most {@code limit}. */
    public static List<StoredTask> page(Connection connection, UUID agentId, UUID after, int limit)
            throws SQLException {
        String keyset = after == null ? "" : " AND (t.submitted_at, t.id) < (SELECT a.submitted_at, a.id "
                + "FROM agent_task a WHERE a.id = ? AND a.agent_id = ?)";
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM agent_task t "
                + "WHERE t.agent_id = ?" + keyset + " ORDER BY t.submitted_at DESC, t.id DESC LIMIT ?")) {
            int i = 1;
            select.setObject(i++, agentId);
            if (after != null) {
                select.setObject(i++, after);
                select.setObject(i++, agentId);
            }
            select.setInt(i, limit);
            return all(select);
        }
    }

    /** How many tasks are in each state, every state listed. Counts the whole table: not for frequent polling. */
    public static Map<TaskState, Long> countByState(Connection connection) throws SQLException {
        Map<TaskState, Long> counts = new EnumMap<>(TaskState.class);
        for (TaskState state : TaskState.values()) {
            counts.put(state, 0L);
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT state, count(*) FROM agent_task GROUP BY state");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                counts.put(TaskState.of(row.getString(1)), row.getLong(2));
            }
        }
        return counts;
    }

    /** How many tasks wait (queued or preempted) at each priority, every priority listed; served by the queue index. */
    public static Map<TaskPriority, Long> waitingDepths(Connection connection) throws SQLException {
        Map<TaskPriority, Long> depths = new EnumMap<>(TaskPriority.class);
        for (TaskPriority priority : TaskPriority.values()) {
            depths.put(priority, 0L);
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT t.priority, count(*) FROM agent_task t WHERE " + WAITING + " GROUP BY t.priority");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                depths.put(TaskPriority.of(row.getString(1)), row.getLong(2));
            }
        }
        return depths;
    }

    /** The task's history, the submission first. */
    public static List<TaskTransition> transitions(Connection connection, UUID taskId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT task_id, seq, from_state, to_state, at, "
                + "node_id, reason FROM agent_task_transition WHERE task_id = ? ORDER BY seq")) {
            select.setObject(1, taskId);
            List<TaskTransition> history = new ArrayList<>();
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    history.add(new TaskTransition(r.getObject("task_id", UUID.class), r.getInt("seq"),
                            Optional.ofNullable(r.getString("from_state")).map(TaskState::of),
                            TaskState.of(r.getString("to_state")),
                            r.getObject("at", OffsetDateTime.class).toInstant(),
                            Optional.ofNullable(r.getString("node_id")), Optional.ofNullable(r.getString("reason"))));
                }
            }
            return history;
        }
    }

    private static Optional<StoredTask> byIdempotencyKey(Connection connection, UUID agentId, String key)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM agent_task t "
                + "WHERE t.agent_id = ? AND t.idempotency_key = ?")) {
            select.setObject(1, agentId);
            select.setString(2, key);
            return first(select);
        }
    }

    private static void claimed(PreparedStatement claim, int from, String nodeId, Instant now) throws SQLException {
        claim.setString(from, nodeId);
        claim.setObject(from + 1, utc(now));
        claim.setObject(from + 2, utc(now));
    }

    private static Optional<StoredTask> first(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            return row.next() ? Optional.of(task(row)) : Optional.empty();
        }
    }

    private static List<StoredTask> all(PreparedStatement statement) throws SQLException {
        List<StoredTask> rows = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                rows.add(task(row));
            }
        }
        return rows;
    }

    private static StoredTask task(ResultSet r) throws SQLException {
        var resources = new ResourceRequest(r.getInt("memory_mb"), r.getDouble("cpu_cores"), r.getInt("disk_io_mbps"),
                r.getInt("network_io_mbps"), Duration.ofMillis(r.getLong("timeout_ms")));
        int exitCode = r.getInt("exit_code");
        OptionalInt exit = r.wasNull() ? OptionalInt.empty() : OptionalInt.of(exitCode);
        return new StoredTask(r.getObject("id", UUID.class), r.getObject("agent_id", UUID.class),
                TaskPriority.of(r.getString("priority")), TaskState.of(r.getString("state")),
                instant(r, "state_changed_at").orElseThrow(), resources, r.getInt("input_size"),
                r.getString("input_sha256"), Optional.ofNullable(r.getString("idempotency_key")),
                r.getString("request_sha256"), r.getString("submitted_by"), instant(r, "submitted_at").orElseThrow(),
                instant(r, "enqueued_at").orElseThrow(), instant(r, "started_at"), instant(r, "ended_at"),
                r.getLong("seq"), r.getInt("attempts"), r.getInt("max_attempts"),
                Optional.ofNullable(r.getString("node_id")), Optional.ofNullable(r.getObject("execution_id",
                        UUID.class)), Optional.ofNullable(r.getString("reason")), exit, r.getLong("row_version"));
    }

    private static Optional<Instant> instant(ResultSet r, String column) throws SQLException {
        return Optional.ofNullable(r.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    private static String clip(String reason) {
        return reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
