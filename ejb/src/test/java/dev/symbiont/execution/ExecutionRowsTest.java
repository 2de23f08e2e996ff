package dev.symbiont.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symbiont.sandbox.CapturedOutput;
import dev.symbiont.sandbox.SandboxLimits;
import dev.symbiont.sandbox.SecurityTier;
import dev.symbiont.testing.MigratedPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sandbox_execution table on real PostgreSQL with the production migrations: round trips and its guards. */
class ExecutionRowsTest {

    @RegisterExtension
    static final MigratedPostgres DB = new MigratedPostgres();

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00.123456Z");
    private static final SandboxLimits LIMITS = new SandboxLimits(64L << 20, 0.5, 128, 16L << 20,
            Duration.ofSeconds(30), 4096, 20_000_000, 20_000_000);

    private UUID agentId;

    @BeforeEach
    void agent() throws SQLException {
        agentId = UUID.randomUUID();
        try (Connection c = DB.dataSource().getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO agent (id, name, version, capabilities, memory_mb, cpu_cores, disk_io_mbps,
                    network_io_mbps, execution_timeout_ms, sandbox_tier, requires_network, requires_filesystem,
                    external_apis, data_sensitivity, state, state_changed_at, created_at, created_by, updated_at,
                    row_version, exec_image, exec_command)
                VALUES (?, 'a', '1', '{}', 64, 0.5, 20, 0, 30000, 'AUTO', false, false, '{}', 'PUBLIC', 'READY',
                    now(), now(), 'test', now(), 0, 'busybox:1', '{/bin/true}')""")) {
            insert.setObject(1, agentId);
            insert.executeUpdate();
        }
    }

    private Execution running(String node, Instant at) {
        var placement = new TierPlacement(SecurityTier.TIER2, 0.65, Map.of("code_trust", 0.3, "network_access", 0.35),
                "risk score 0.65", false, LIMITS);
        return new Execution(UUID.randomUUID(), agentId, node, ExecutionStatus.RUNNING, "apikey:ops(k1)", at,
                Optional.empty(), "busybox:1", List.of("/bin/sh", "-c", "cat"), 5, "ab".repeat(32),
                Optional.of(placement), null, Optional.empty());
    }

    private static ExecutionOutcome outcome() {
        return new ExecutionOutcome(3, true, new CapturedOutput("out".getBytes(StandardCharsets.UTF_8), 10),
                CapturedOutput.empty(), Duration.ofMillis(1500), Duration.ofMillis(120),
                Optional.of(Duration.ofMillis(130)), OptionalLong.of(7_340_032), Optional.empty());
    }

    @Test
    void aRunningExecutionEndsOnceWithItsOutcomeAndReadsBackWhole() throws SQLException {
        Execution e = running("node-a", T0);
        try (Connection c = DB.dataSource().getConnection()) {
            ExecutionRows.insert(c, e);
            assertThat(ExecutionRows.finish(c, e.id(), ExecutionStatus.EXITED, outcome(), null, T0.plusSeconds(2)))
                    .isTrue();
            assertThat(ExecutionRows.finish(c, e.id(), ExecutionStatus.EXITED, outcome(), null, T0.plusSeconds(3)))
                    .as("an ended execution is not ended again").isFalse();

            Execution read = ExecutionRows.find(c, agentId, e.id()).orElseThrow();
            assertThat(read.status()).isEqualTo(ExecutionStatus.EXITED);
            assertThat(read.requestedAt()).isEqualTo(T0);
            assertThat(read.endedAt()).contains(T0.plusSeconds(2));
            assertThat(read.placement()).isEqualTo(e.placement());
            assertThat(read.outcome()).contains(outcome());
            assertThat(read.reason()).as("a process that ended by itself needs no reason").isNull();
            assertThat(read.command()).isEqualTo(e.command());
            assertThat(ExecutionRows.find(c, UUID.randomUUID(), e.id())).as("only under its own agent").isEmpty();
        }
    }

    @Test
    void anEndedExecutionCannotBeChangedOrDeleted() throws SQLException {
        Execution e = running("node-a", T0);
        try (Connection c = DB.dataSource().getConnection(); var s = c.createStatement()) {
            ExecutionRows.insert(c, e);
            ExecutionRows.end(c, e.id(), ExecutionStatus.REFUSED, "image missing", T0.plusSeconds(1));

            assertThatThrownBy(() -> s.executeUpdate("UPDATE sandbox_execution SET exit_code = 0 WHERE id = '"
                    + e.id() + "'")).hasMessageContaining("refused once ended");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM sandbox_execution WHERE id = '" + e.id() + "'"))
                    .hasMessageContaining("refused once ended or ever deleted");
            assertThat(ExecutionRows.find(c, agentId, e.id()).orElseThrow().reason()).isEqualTo("image missing");
        }
    }

    @Test
    void aStoppedExecutionKeepsItsOutcomeAndTheStopReasonAndIsFinal() throws SQLException {
        Execution e = running("node-a", T0);
        try (Connection c = DB.dataSource().getConnection(); var s = c.createStatement()) {
            ExecutionRows.insert(c, e);
            assertThat(ExecutionRows.finish(c, e.id(), ExecutionStatus.STOPPED, outcome(), "preempted by task t-9",
                    T0.plusSeconds(2))).isTrue();

            Execution read = ExecutionRows.find(c, agentId, e.id()).orElseThrow();
            assertThat(read.status()).isEqualTo(ExecutionStatus.STOPPED);
            assertThat(read.reason()).isEqualTo("preempted by task t-9");
            assertThat(read.outcome()).contains(outcome());
            assertThat(read.endedAt()).contains(T0.plusSeconds(2));
            assertThatThrownBy(() -> s.executeUpdate("UPDATE sandbox_execution SET reason = 'other' WHERE id = '"
                    + e.id() + "'")).hasMessageContaining("refused once ended");
        }
    }

    /** V8 widened the list of statuses and nothing else: the list is still closed, a stop still needs its end. */
    @Test
    void theStatusGuardsStillHoldAfterStoppedWasAdded() throws SQLException {
        Execution e = running("node-a", T0);
        try (Connection c = DB.dataSource().getConnection(); var s = c.createStatement()) {
            ExecutionRows.insert(c, e);

            assertThatThrownBy(() -> s.executeUpdate("UPDATE sandbox_execution SET status = 'PAUSED', ended_at = "
                    + "now() WHERE id = '" + e.id() + "'")).hasMessageContaining("\"sandbox_execution_status_check\"");
            assertThatThrownBy(() -> s.executeUpdate("UPDATE sandbox_execution SET status = 'STOPPED' WHERE id = '"
                    + e.id() + "'")).hasMessageContaining("\"sandbox_execution_check\"");
            assertThat(ExecutionRows.find(c, agentId, e.id()).orElseThrow().status())
                    .isEqualTo(ExecutionStatus.RUNNING);
        }
    }

    @Test
    void interruptingMarksOnlyThisNodesRunningExecutions() throws SQLException {
        Execution mine = running("node-a", T0);
        Execution ended = running("node-a", T0.plusMillis(1));
        Execution other = running("node-b", T0.plusMillis(2));
        try (Connection c = DB.dataSource().getConnection()) {
            ExecutionRows.insert(c, mine);
            ExecutionRows.insert(c, ended);
            ExecutionRows.insert(c, other);
            ExecutionRows.finish(c, ended.id(), ExecutionStatus.TIMED_OUT, outcome(), null, T0.plusSeconds(1));

            List<Execution> interrupted = ExecutionRows.interruptRunning(c, "node-a", "server stopped",
                    T0.plusSeconds(5));

            assertThat(interrupted).extracting(Execution::id).containsExactly(mine.id());
            assertThat(interrupted.getFirst().status()).isEqualTo(ExecutionStatus.INTERRUPTED);
            assertThat(ExecutionRows.find(c, agentId, ended.id()).orElseThrow().status())
                    .isEqualTo(ExecutionStatus.TIMED_OUT);
            assertThat(ExecutionRows.find(c, agentId, other.id()).orElseThrow().status())
                    .isEqualTo(ExecutionStatus.RUNNING);
        }
    }

    @Test
    void aDenialIsStoredWithoutPlacementAndPagesKeepRequestOrder() throws SQLException {
        Instant at = T0.truncatedTo(ChronoUnit.MICROS);
        Execution denied = new Execution(UUID.randomUUID(), agentId, "node-a", ExecutionStatus.POLICY_DENIED,
                "apikey:ops(k1)", at, Optional.of(at), "busybox:1", List.of("/bin/true"), 0, "cd".repeat(32),
                Optional.empty(), "sandbox.exec denied by policy", Optional.empty());
        Execution later = running("node-a", T0.plusSeconds(1));
        try (Connection c = DB.dataSource().getConnection()) {
            ExecutionRows.insert(c, later);
            ExecutionRows.insert(c, denied);

            assertThat(ExecutionRows.page(c, agentId, null, 10)).extracting(Execution::id)
                    .containsExactly(denied.id(), later.id());
            assertThat(ExecutionRows.page(c, agentId, denied.id(), 10)).extracting(Execution::id)
                    .containsExactly(later.id());
            Execution read = ExecutionRows.find(c, agentId, denied.id()).orElseThrow();
            assertThat(read.placement()).isEmpty();
            assertThat(read.outcome()).isEmpty();
            assertThat(read.reason()).isEqualTo("sandbox.exec denied by policy");
        }
    }
}
