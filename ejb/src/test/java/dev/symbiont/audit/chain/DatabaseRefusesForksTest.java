package dev.symbiont.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symbiont.audit.AuditEntry;
import dev.symbiont.audit.AuditEventType;
import dev.symbiont.audit.format.ChainedEvent;
import dev.symbiont.audit.format.RawKeySigner;
import dev.symbiont.testing.MigratedPostgres;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The database, not only the sealer's lock, keeps the chain single: a writer that bypasses the lock (a bug, another
 * tool, a node without it) still cannot commit a second event at a seq, an event that links to anything but the
 * head, or a gap. Each test reads the head as it is, so the tests do not depend on their order.
 */
class DatabaseRefusesForksTest {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String INTEGRITY_CONSTRAINT_VIOLATION = "23000";

    @RegisterExtension
    static final MigratedPostgres DB = new MigratedPostgres();

    @BeforeAll
    static void sealAFewEvents() throws SQLException {
        try (Connection connection = DB.transactional()) {
            PendingEvents.insert(connection, List.of(entry(), entry(), entry()));
            connection.commit();
            RawKeySigner node = RawKeySigner.generate(new SecureRandom());
            assertThat(new ChainSealer(() -> node, Clock.systemUTC(), 10).sealBatch(connection)).hasSize(3);
        }
    }

    @Test
    void aSecondEventAtAnExistingSeqIsRefused() throws SQLException {
        try (Connection connection = DB.transactional()) {
            List<ChainedEvent> chain = StoredChain.events(connection);
            ChainedEvent head = chain.getLast();
            ChainedEvent sibling = forged(head.seq(), chain.get(chain.size() - 2).chainHash());

            assertRefused(connection, sibling, UNIQUE_VIOLATION, "audit_event_pkey");
        }
    }

    @Test
    void anEventThatLinksToAnOlderEventThanTheHeadIsRefused() throws SQLException {
        try (Connection connection = DB.transactional()) {
            List<ChainedEvent> chain = StoredChain.events(connection);
            ChainedEvent branch = forged(chain.size(), chain.get(chain.size() - 2).chainHash());

            assertRefused(connection, branch, INTEGRITY_CONSTRAINT_VIOLATION, "does not extend the chain");
        }
    }

    @Test
    void anEventThatSkipsASeqIsRefused() throws SQLException {
        try (Connection connection = DB.transactional()) {
            List<ChainedEvent> chain = StoredChain.events(connection);
            ChainedEvent afterGap = forged(chain.size() + 1, chain.getLast().chainHash());

            assertRefused(connection, afterGap, INTEGRITY_CONSTRAINT_VIOLATION, "does not extend the chain");
        }
    }

    @Test
    void ofTwoWritersExtendingTheHeadWithoutTheLockOnlyTheFirstToCommitSucceeds() throws Exception {
        try (Connection first = DB.transactional(); Connection second = DB.transactional()) {
            List<ChainedEvent> chain = StoredChain.events(first);
            ChainedEvent mine = forged(chain.size(), chain.getLast().chainHash());
            ChainedEvent theirs = forged(chain.size(), chain.getLast().chainHash());
            EventRows.insert(first, List.of(mine));

            // the second insert waits on the first transaction's uncommitted key, then fails when it commits
            CompletableFuture<Void> competing = CompletableFuture.runAsync(() -> insertAndCommit(second, theirs));
            awaitBlockedOnLock(Duration.ofSeconds(30));
            first.commit();

            assertThatThrownBy(() -> competing.get(30, TimeUnit.SECONDS)).rootCause()
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(UNIQUE_VIOLATION));
            assertThat(StoredChain.events(first).getLast().eventId()).as("the first writer's event stands")
                    .isEqualTo(mine.eventId());
        }
    }

    private static void assertRefused(Connection connection, ChainedEvent event, String sqlState, String message)
            throws SQLException {
        try {
            assertThatThrownBy(() -> EventRows.insert(connection, List.of(event)))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining(message)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(sqlState));
        } finally {
            connection.rollback();
        }
    }

    private static void insertAndCommit(Connection connection, ChainedEvent event) {
        try {
            EventRows.insert(connection, List.of(event));
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until another session of this database waits for a lock (the competing insert). */
    private static void awaitBlockedOnLock(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            // a fresh autocommit session each time: pg_stat_activity is a snapshot for a whole transaction
            try (Connection observer = DB.dataSource().getConnection(); Statement query = observer.createStatement();
                 ResultSet row = query.executeQuery("""
                    SELECT count(*) FROM pg_stat_activity
                    WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'""")) {
                row.next();
                if (row.getLong(1) > 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the competing insert never waited for the first writer's lock");
    }

    /** A well-formed event (its chain hash computes) at {@code seq}, linked to {@code prevHash}. */
    private static ChainedEvent forged(long seq, byte[] prevHash) {
        return ChainedEvent.append(seq, UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MICROS), null,
                "agent.created", "mallory", null, "{\"forged\":true}", prevHash);
    }

    private static AuditEntry entry() {
        return AuditEntry.of(AuditEventType.AGENT_CREATED, Instant.now(), UUID.randomUUID(), "test", Map.of());
    }
}
