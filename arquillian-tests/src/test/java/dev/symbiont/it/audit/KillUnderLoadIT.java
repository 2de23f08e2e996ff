package dev.symbiont.it.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.it.support.AgentLoad;
import dev.symbiont.it.support.Api;
import dev.symbiont.it.support.ItSettings;
import dev.symbiont.it.support.LauncherProcess;
import dev.symbiont.it.support.SealerHeldBack;
import dev.symbiont.migration.EmbeddedPostgresServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the server in the middle of sustained load, twice, each time followed by a restart on the same server
 * directory and database: once while the sealer is held behind (acknowledged events still pending), once just after
 * it was let go with a backlog (most likely in the middle of chaining a batch). Afterwards the chain verifies from
 * seq 0, every action a client was told succeeded has its audit event, and the database holds no agent change
 * without its event and no event without its change. PostgreSQL runs apart from the runtime (started by this test),
 * so it survives the kills as a database server would.
 */
class KillUnderLoadIT {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final int CLIENTS = 6;
    /** Load runs until this many creations were acknowledged before the timed phases begin. */
    private static final int WARM_UP_CREATIONS = 20;
    private static final Duration LOAD_WITH_SEALER_FREE = Duration.ofSeconds(1);
    private static final Duration LOAD_WITH_SEALER_HELD = Duration.ofSeconds(3);
    /** Time the let-go sealer gets with its backlog before the kill: meant to be less than chaining it takes. */
    private static final Duration CATCH_UP_BEFORE_KILL = Duration.ofMillis(100);
    private static final int MAX_ACTIONS_PER_CLIENT = 2_000;
    private static final Duration LOAD_LIMIT = Duration.ofSeconds(90);
    private static final String ADMIN_KEY = "sym_killninetest_" + "K".repeat(43);
    private static final String LIFECYCLE_EVENTS =
            "('agent.created', 'agent.transitioned', 'agent.terminated', 'agent.redefined')";

    /** Where the sealer is when the server dies. */
    private enum SealerAtKill {
        /** Held back, as by another node holding the chain lock: acknowledged events wait in audit_pending. */
        BEHIND,
        /** Just let go after a backlog built up. */
        CATCHING_UP
    }

    private String server;
    private Path work;
    private Map<String, String> env;
    private DataSource db;

    @Test
    void afterKillNineUnderLoadTheChainVerifiesAndEveryAcknowledgedActionHasItsEvent() throws Exception {
        server = LauncherProcess.prepareServer("symbiont-kill-it");
        work = Files.createTempDirectory(ItSettings.workDirectory(), "kill-");
        try (var database = EmbeddedPostgresServer.start(work.resolve("external-pg"),
                ItSettings.port("symbiont.it.external.db.port"))) {
            db = database.dataSource();
            env = Map.of("SYMBIONT_HTTP_PORT", Integer.toString(ItSettings.port("symbiont.it.launcher.http.port")),
                    "SYMBIONT_DB_URL", database.jdbcUrl(),
                    "SYMBIONT_DB_USER", EmbeddedPostgresServer.USER,
                    "SYMBIONT_DB_PASSWORD", "not-checked-by-trust-auth",
                    "SYMBIONT_ADMIN_KEY", ADMIN_KEY);

            AgentLoad.Acknowledged acknowledged = loadAndKill("killed-sealer-behind.log", SealerAtKill.BEHIND);
            assertThat(count("SELECT count(*) FROM audit_pending"))
                    .as("acknowledged events not yet chained when the server died").isPositive();
            acknowledged = acknowledged.plus(loadAndKill("killed-sealer-catching-up.log", SealerAtKill.CATCHING_UP));
            UUID interruptedReport = leaveAComplianceReportRunning();

            try (var restarted = start("restarted.log")) {
                restarted.awaitReady(STARTUP);
                awaitNothingPending(Duration.ofSeconds(60));

                Api api = Api.at(restarted.baseUrl(), ADMIN_KEY);
                assertTheWholeChainVerifies(api);
                assertEveryAcknowledgedActionHasItsEvent(acknowledged);
                assertAgentChangesAndTheirEventsMatch();
                assertTheInterruptedReportIsProduced(api, interruptedReport);
            }
        }
    }

    /** Starts the runtime (restarting it after an earlier kill), loads it, and kills it with the sealer as told. */
    private AgentLoad.Acknowledged loadAndKill(String log, SealerAtKill sealerAtKill) throws Exception {
        try (var launcher = start(log)) {
            launcher.awaitReady(STARTUP);
            AgentLoad load = AgentLoad.start(Api.at(launcher.baseUrl(), ADMIN_KEY), CLIENTS, MAX_ACTIONS_PER_CLIENT,
                    LOAD_LIMIT);
            awaitWarmUp(load);
            Thread.sleep(LOAD_WITH_SEALER_FREE.toMillis());
            List<String> killed;
            try (SealerHeldBack held = SealerHeldBack.take(db)) {
                Thread.sleep(LOAD_WITH_SEALER_HELD.toMillis());
                if (sealerAtKill == SealerAtKill.CATCHING_UP) {
                    held.release();
                    Thread.sleep(CATCH_UP_BEFORE_KILL.toMillis());
                }
                killed = launcher.killHard();
            }
            AgentLoad.Acknowledged acknowledged = load.stop();
            System.out.printf("kill -9 of %s with the sealer %s: %d creations and %d starts acknowledged, %d requests "
                    + "cut off, %d audit events pending%n", killed, sealerAtKill, acknowledged.created().size(),
                    acknowledged.started().size(), acknowledged.cutOff(), count("SELECT count(*) FROM audit_pending"));
            assertThat(acknowledged.unexpected()).as("replies other than success while the server was up").isEmpty();
            assertThat(acknowledged.cutOff()).as("clients were still sending when the server died").isPositive();
            return acknowledged;
        }
    }

    private LauncherProcess start(String log) throws IOException {
        return LauncherProcess.start(server, work.resolve("data"), env, work.resolve(log));
    }

    private static void awaitWarmUp(AgentLoad load) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (load.acknowledgedCreations() < WARM_UP_CREATIONS) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + load.acknowledgedCreations() + " creations acknowledged in 60 s");
            }
            Thread.sleep(50);
        }
    }

    private void assertTheWholeChainVerifies(Api api) throws SQLException {
        long events = count("SELECT count(*) FROM audit_event");
        Api.Reply reply = api.get("/api/v1/audit/verify");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonObject result = reply.json();
        assertThat(result.getBoolean("valid")).as(reply.toString()).isTrue();
        assertThat(result.getJsonNumber("first_seq").longValue()).isZero();
        assertThat(result.getJsonNumber("events_checked").longValue()).as("every event checked")
                .isGreaterThanOrEqualTo(events);
        assertThat(count("SELECT max(seq) + 1 - count(*) FROM audit_event")).as("seqs missing from 0..max")
                .isZero();
    }

    private void assertEveryAcknowledgedActionHasItsEvent(AgentLoad.Acknowledged acknowledged)
            throws SQLException {
        Set<UUID> createdEvents = agentIds("SELECT agent_id FROM audit_event WHERE event_type = 'agent.created'");
        Set<UUID> startedEvents = agentIds("SELECT agent_id FROM audit_event "
                + "WHERE event_type = 'agent.transitioned' AND (details::jsonb) ->> 'to' = 'RUNNING'");
        assertThat(createdEvents).as("an agent.created event for every acknowledged creation")
                .containsAll(acknowledged.created());
        assertThat(startedEvents).as("an agent.transitioned to RUNNING for every acknowledged start")
                .containsAll(acknowledged.started());
    }

    /** Actions in flight at the kill either committed with their events or left neither. */
    private void assertAgentChangesAndTheirEventsMatch() throws SQLException {
        assertThat(agentIds("SELECT id FROM agent")).as("agents, and agents with an agent.created event")
                .isEqualTo(agentIds("SELECT agent_id FROM audit_event WHERE event_type = 'agent.created'"));
        assertThat(countsByAgent("SELECT agent_id, count(*) FROM audit_event WHERE event_type IN "
                + LIFECYCLE_EVENTS + " GROUP BY agent_id"))
                .as("lifecycle audit events per agent, and lifecycle history rows per agent")
                .isEqualTo(countsByAgent("SELECT agent_id, count(*) FROM agent_history GROUP BY agent_id"));
    }

    /** A report over the whole load, in the state a job leaves it in when the server dies under it. */
    private UUID leaveAComplianceReportRunning() throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO "
                + "compliance_report (id, framework, period_from, period_to, requested_by, requested_at, status, "
                + "phase, attempts, events_total, events_processed, started_at) VALUES (?, 'sox', now() - "
                + "interval '1 hour', now(), 'kill-test', now(), 'RUNNING', 'collecting', 1, 1000, 400, now())")) {
            insert.setObject(1, id);
            insert.executeUpdate();
        }
        return id;
    }

    /** Started again from the beginning at the restart, and finished with every agent the load created. */
    private static void assertTheInterruptedReportIsProduced(Api api, UUID id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonObject report = api.get("/api/v1/compliance/reports/" + id).json();
        while (!report.getString("status").equals("succeeded")) {
            assertThat(report.getString("status")).as(report.toString()).isNotEqualTo("failed");
            assertThat(System.nanoTime()).as("report still " + report.getString("status")).isLessThan(deadline);
            Thread.sleep(250);
            report = api.get("/api/v1/compliance/reports/" + id).json();
        }
        assertThat(report.getInt("attempts")).as("run again once after the restart").isEqualTo(2);
        assertThat(report.getJsonArray("files")).hasSize(3);
        JsonObject content = Json.createReader(new java.io.ByteArrayInputStream(
                api.download("/api/v1/compliance/reports/" + id + "/files/json").body())).readObject();
        assertThat(content.getJsonObject("integrity").getBoolean("verified")).as(content.toString()).isTrue();
        assertThat(content.getJsonObject("summary").getJsonObject("events_by_type").getInt("agent.created"))
                .as("agents created under load, all in the report").isPositive();
    }

    /** The restarted sealer chains what the killed one left pending. */
    private void awaitNothingPending(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pending;
        while ((pending = count("SELECT count(*) FROM audit_pending")) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(pending + " audit events still pending " + timeout + " after the restart");
            }
            Thread.sleep(200);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private Set<UUID> agentIds(String sql) throws SQLException {
        Set<UUID> ids = new HashSet<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                assertThat(ids.add(rows.getObject(1, UUID.class))).as("%s: one row per agent", sql).isTrue();
            }
        }
        return ids;
    }

    private Map<UUID, Long> countsByAgent(String sql) throws SQLException {
        Map<UUID, Long> counts = new HashMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                counts.put(rows.getObject(1, UUID.class), rows.getLong(2));
            }
        }
        return counts;
    }
}
