package dev.symbiont.execution;

import dev.symbiont.sandbox.CapturedOutput;
import dev.symbiont.sandbox.SandboxLimits;
import dev.symbiont.sandbox.SecurityTier;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.sql.Array;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** The sandbox_execution table (V6, STOPPED since V8). Callers own the connection and its transaction. */
final class ExecutionRows {

    private static final String COLUMNS = "id, agent_id, node_id, status, requested_by, requested_at, ended_at, "
            + "image, command, input_bytes, input_sha256, tier, risk_score, risk_contributions, tier_reason, "
            + "network_granted, limits, reason, exit_code, warm, stdout, stdout_total, stderr, stderr_total, "
            + "duration_ms, startup_ms, first_output_ms, peak_memory_bytes, cpu_time_ms";

    private ExecutionRows() {
    }

    /** A new attempt: RUNNING with a placement, or already ended (a denial) without one. */
    static void insert(Connection connection, Execution e) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sandbox_execution (id, agent_id, "
                + "node_id, status, requested_by, requested_at, ended_at, image, command, input_bytes, input_sha256, "
                + "tier, risk_score, risk_contributions, tier_reason, network_granted, limits, reason) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?)")) {
            insert.setObject(1, e.id());
            insert.setObject(2, e.agentId());
            insert.setString(3, e.nodeId());
            insert.setString(4, e.status().name());
            insert.setString(5, e.requestedBy());
            insert.setObject(6, utc(e.requestedAt()));
            insert.setObject(7, e.endedAt().map(ExecutionRows::utc).orElse(null), Types.TIMESTAMP_WITH_TIMEZONE);
            insert.setString(8, e.image());
            insert.setArray(9, connection.createArrayOf("varchar", e.command().toArray()));
            insert.setInt(10, e.inputBytes());
            insert.setString(11, e.inputSha256());
            TierPlacement p = e.placement().orElse(null);
            insert.setString(12, p == null ? null : p.tier().name());
            insert.setObject(13, p == null ? null : p.riskScore(), Types.DOUBLE);
            insert.setString(14, p == null ? null : contributions(p.riskContributions()));
            insert.setString(15, p == null ? null : p.reason());
            insert.setBoolean(16, p != null && p.networkGranted());
            insert.setString(17, p == null ? null : limits(p.limits()));
            insert.setString(18, e.reason());
            insert.executeUpdate();
        }
    }

    /**
     * Ends a running execution with its process's outcome; false if it was not running (already ended).
     *
     * @param reason why it ended when not by the process itself (a stop's reason), else null
     */
    static boolean finish(Connection connection, UUID id, ExecutionStatus status, ExecutionOutcome o, String reason,
                          Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE sandbox_execution SET status = ?, "
                + "ended_at = ?, exit_code = ?, warm = ?, stdout = ?, stdout_total = ?, stderr = ?, stderr_total = ?, "
                + "duration_ms = ?, startup_ms = ?, first_output_ms = ?, peak_memory_bytes = ?, cpu_time_ms = ?, "
                + "reason = ? WHERE id = ? AND status = 'RUNNING'")) {
            update.setString(1, status.name());
            update.setObject(2, utc(now));
            update.setInt(3, o.exitCode());
            update.setBoolean(4, o.warm());
            update.setBytes(5, o.stdout().bytes());
            update.setLong(6, o.stdout().totalBytes());
            update.setBytes(7, o.stderr().bytes());
            update.setLong(8, o.stderr().totalBytes());
            update.setLong(9, o.duration().toMillis());
            update.setLong(10, o.startup().toMillis());
            update.setObject(11, o.firstOutput().map(Duration::toMillis).orElse(null), Types.BIGINT);
            update.setObject(12, o.peakMemoryBytes().isPresent() ? o.peakMemoryBytes().getAsLong() : null,
                    Types.BIGINT);
            update.setObject(13, o.cpuTime().map(Duration::toMillis).orElse(null), Types.BIGINT);
            update.setString(14, reason);
            update.setObject(15, id);
            return update.executeUpdate() == 1;
        }
    }

    /** Ends a running execution that produced no outcome (refused, failed); false if it was not running. */
    static boolean end(Connection connection, UUID id, ExecutionStatus status, String reason, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE sandbox_execution SET status = ?, "
                + "ended_at = ?, reason = ? WHERE id = ? AND status = 'RUNNING'")) {
            update.setString(1, status.name());
            update.setObject(2, utc(now));
            update.setString(3, reason);
            update.setObject(4, id);
            return update.executeUpdate() == 1;
        }
    }

    /** Marks every execution this node still has running as interrupted; returns them as they are now. */
    static List<Execution> interruptRunning(Connection connection, String nodeId, String reason, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE sandbox_execution SET status = "
                + "'INTERRUPTED', ended_at = ?, reason = ? WHERE node_id = ? AND status = 'RUNNING' RETURNING "
                + COLUMNS)) {
            update.setObject(1, utc(now));
            update.setString(2, reason);
            update.setString(3, nodeId);
            return all(update);
        }
    }

    static Optional<Execution> find(Connection connection, UUID agentId, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM sandbox_execution WHERE id = ? AND agent_id = ?")) {
            select.setObject(1, id);
            select.setObject(2, agentId);
            List<Execution> found = all(select);
            return found.stream().findFirst();
        }
    }

    /** The agent's executions oldest first, after the one named (keyset), at most {@code limit}. */
    static List<Execution> page(Connection connection, UUID agentId, UUID after, int limit) throws SQLException {
        String keyset = after == null ? "" : " AND (requested_at, id) > (SELECT requested_at, id "
                + "FROM sandbox_execution WHERE id = ? AND agent_id = ?)";
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM sandbox_execution "
                + "WHERE agent_id = ?" + keyset + " ORDER BY requested_at, id LIMIT ?")) {
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

    private static List<Execution> all(PreparedStatement statement) throws SQLException {
        List<Execution> rows = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                rows.add(execution(row));
            }
        }
        return rows;
    }

    private static Execution execution(ResultSet r) throws SQLException {
        ExecutionStatus status = ExecutionStatus.valueOf(r.getString("status"));
        Optional<TierPlacement> placement = r.getString("tier") == null ? Optional.empty()
                : Optional.of(new TierPlacement(SecurityTier.valueOf(r.getString("tier")), r.getDouble("risk_score"),
                        contributions(r.getString("risk_contributions")), r.getString("tier_reason"),
                        r.getBoolean("network_granted"), limits(r.getString("limits"))));
        Optional<ExecutionOutcome> outcome = r.getObject("exit_code") == null ? Optional.empty()
                : Optional.of(new ExecutionOutcome(r.getInt("exit_code"), r.getBoolean("warm"),
                        new CapturedOutput(r.getBytes("stdout"), r.getLong("stdout_total")),
                        new CapturedOutput(r.getBytes("stderr"), r.getLong("stderr_total")),
                        Duration.ofMillis(r.getLong("duration_ms")), Duration.ofMillis(r.getLong("startup_ms")),
                        optionalMillis(r, "first_output_ms"), optionalLong(r, "peak_memory_bytes"),
                        optionalMillis(r, "cpu_time_ms")));
        OffsetDateTime ended = r.getObject("ended_at", OffsetDateTime.class);
        Array command = r.getArray("command");
        return new Execution(r.getObject("id", UUID.class), r.getObject("agent_id", UUID.class),
                r.getString("node_id"), status, r.getString("requested_by"),
                r.getObject("requested_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(ended).map(OffsetDateTime::toInstant), r.getString("image"),
                List.of((String[]) command.getArray()), r.getInt("input_bytes"), r.getString("input_sha256"),
                placement, r.getString("reason"), outcome);
    }

    private static Optional<Duration> optionalMillis(ResultSet r, String column) throws SQLException {
        long value = r.getLong(column);
        return r.wasNull() ? Optional.empty() : Optional.of(Duration.ofMillis(value));
    }

    private static OptionalLong optionalLong(ResultSet r, String column) throws SQLException {
        long value = r.getLong(column);
        return r.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
    }

    private static String contributions(Map<String, Double> contributions) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        contributions.forEach(json::add);
        return json.build().toString();
    }

    private static Map<String, Double> contributions(String json) {
        Map<String, Double> map = new LinkedHashMap<>();
        read(json).forEach((key, value) -> map.put(key, ((JsonNumber) value).doubleValue()));
        return map;
    }

    private static String limits(SandboxLimits l) {
        return Json.createObjectBuilder()
                .add("memory_bytes", l.memoryBytes())
                .add("cpus", l.cpus())
                .add("max_processes", l.maxProcesses())
                .add("scratch_bytes", l.scratchBytes())
                .add("timeout_ms", l.timeout().toMillis())
                .add("output_cap_bytes", l.outputCapBytes())
                .add("disk_read_bytes_per_second", l.diskReadBytesPerSecond())
                .add("disk_write_bytes_per_second", l.diskWriteBytesPerSecond())
                .build().toString();
    }

    private static SandboxLimits limits(String json) {
        JsonObject l = read(json);
        return new SandboxLimits(l.getJsonNumber("memory_bytes").longValue(), l.getJsonNumber("cpus").doubleValue(),
                l.getInt("max_processes"), l.getJsonNumber("scratch_bytes").longValue(),
                Duration.ofMillis(l.getJsonNumber("timeout_ms").longValue()),
                l.getJsonNumber("output_cap_bytes").longValue(),
                l.getJsonNumber("disk_read_bytes_per_second").longValue(),
                l.getJsonNumber("disk_write_bytes_per_second").longValue());
    }

    private static JsonObject read(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
