package dev.symbiont.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.audit.AuditEntry;
import dev.symbiont.audit.AuditEventType;
import dev.symbiont.audit.format.AuditEncoding;
import dev.symbiont.audit.format.ChainedEvent;
import dev.symbiont.audit.format.RawKeySigner;
import dev.symbiont.audit.format.VerificationResult;
import dev.symbiont.testing.MigratedPostgres;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Actions record events while several sealers, each with its own connection and signing key (threads here, nodes in
 * production), chain them at the same time: one chain comes out, gapless, never forked, every committed event in it
 * exactly once and no rolled-back one, and the verifier accepts all of it.
 */
class ConcurrentSealersTest {

    private static final int WRITERS = 4;
    private static final int TRANSACTIONS_PER_WRITER = 120;
    /** Every tenth action fails and rolls back: its events must never be sealed. */
    private static final int ROLLBACK_EVERY = 10;
    private static final int SEALERS = 3;
    /** Small batches, so the sealers take turns at the lock many times and restore each other's Merkle tree. */
    private static final int BATCH_SIZE = 16;
    private static final int CHECKPOINT_EVERY_BATCHES = 4;
    private static final long TIMEOUT_SECONDS = 120;

    @RegisterExtension
    static final MigratedPostgres DB = new MigratedPostgres();

    private record WriterOutcome(Set<String> committed, Set<String> rolledBack) {
    }

    /** What the writers committed and rolled back, and what each sealer reported it sealed. */
    private record Run(Set<String> committed, Set<String> rolledBack, List<List<ChainedEvent>> sealedByNode) {
    }

    @Test
    void concurrentSealersBuildOneGaplessUnforkedChainWithEveryCommittedEventSealedOnce() throws Exception {
        List<RawKeySigner> nodes = new ArrayList<>();
        for (int i = 0; i < SEALERS; i++) {
            nodes.add(RawKeySigner.generate(new SecureRandom()));
        }

        Run run = writeAndSealConcurrently(nodes);

        try (Connection connection = DB.transactional()) {
            List<ChainedEvent> chain = StoredChain.events(connection);
            assertGaplessAndLinked(chain);
            assertThat(markers(chain)).as("each committed event sealed exactly once, no rolled-back one")
                    .hasSize(run.committed().size()).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(run.committed())
                    .doesNotContainAnyElementsOf(run.rolledBack());
            assertThat(count(connection, "SELECT count(*) FROM audit_pending")).as("nothing left pending").isZero();
            assertEverySealerTookPartWithoutOverlap(run.sealedByNode(), chain);
            assertThat(count(connection, "SELECT count(DISTINCT key_id) FROM audit_seal"))
                    .as("seals signed by every node").isEqualTo(SEALERS);

            VerificationResult result = StoredChain.verify(connection, StoredChain.keysOf(nodes));
            assertThat(result.valid()).as("verification failures: %s", result.failures()).isTrue();
            assertThat(result.eventsChecked()).isEqualTo(chain.size());
            assertThat(result.checkpointsChecked()).as("checkpoints signed along the way").isPositive();
        }
    }

    private static Run writeAndSealConcurrently(List<RawKeySigner> nodes) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + nodes.size());
        try {
            CyclicBarrier start = new CyclicBarrier(WRITERS + nodes.size());
            AtomicBoolean writersDone = new AtomicBoolean();
            List<Future<WriterOutcome>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(threads.submit(() -> write(writer, start)));
            }
            List<Future<List<ChainedEvent>>> sealers = new ArrayList<>();
            for (RawKeySigner node : nodes) {
                sealers.add(threads.submit(() -> sealUntilDrained(node, start, writersDone)));
            }
            Run run = new Run(new HashSet<>(), new HashSet<>(), new ArrayList<>());
            for (Future<WriterOutcome> writer : writers) {
                WriterOutcome outcome = writer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                run.committed().addAll(outcome.committed());
                run.rolledBack().addAll(outcome.rolledBack());
            }
            writersDone.set(true);
            for (Future<List<ChainedEvent>> sealer : sealers) {
                run.sealedByNode().add(sealer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            return run;
        } finally {
            threads.shutdownNow();
        }
    }

    /** One writer: transactions of one to four events, as actions record them, a few of them rolled back. */
    private static WriterOutcome write(int writer, CyclicBarrier start) throws Exception {
        Set<String> committed = new HashSet<>();
        Set<String> rolledBack = new HashSet<>();
        Random random = new Random(writer);
        try (Connection connection = DB.transactional()) {
            start.await();
            for (int tx = 0; tx < TRANSACTIONS_PER_WRITER; tx++) {
                List<AuditEntry> entries = new ArrayList<>();
                List<String> markers = new ArrayList<>();
                for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                    String marker = writer + "/" + tx + "/" + i;
                    markers.add(marker);
                    entries.add(AuditEntry.of(AuditEventType.AGENT_CREATED, Instant.now(), UUID.randomUUID(),
                            "writer-" + writer, Map.of("marker", marker)));
                }
                PendingEvents.insert(connection, entries);
                if (tx % ROLLBACK_EVERY == ROLLBACK_EVERY - 1) {
                    connection.rollback();
                    rolledBack.addAll(markers);
                } else {
                    connection.commit();
                    committed.addAll(markers);
                }
            }
        }
        return new WriterOutcome(committed, rolledBack);
    }

    /** One node's sealer: seals until the writers are done and nothing is left, checkpointing now and then. */
    private static List<ChainedEvent> sealUntilDrained(RawKeySigner node, CyclicBarrier start,
                                                       AtomicBoolean writersDone) throws Exception {
        ChainSealer sealer = new ChainSealer(() -> node, Clock.systemUTC(), BATCH_SIZE);
        List<ChainedEvent> sealed = new ArrayList<>();
        int batches = 0;
        try (Connection connection = DB.transactional()) {
            start.await();
            while (true) {
                // read before sealing: an empty batch after the writers finished means nothing is left
                boolean writersFinished = writersDone.get();
                List<ChainedEvent> batch = sealer.sealBatch(connection);
                sealed.addAll(batch);
                if (!batch.isEmpty() && ++batches % CHECKPOINT_EVERY_BATCHES == 0) {
                    sealer.checkpoint(connection);
                }
                if (batch.isEmpty()) {
                    if (writersFinished) {
                        return sealed;
                    }
                    Thread.sleep(1);
                }
            }
        }
    }

    private static void assertGaplessAndLinked(List<ChainedEvent> chain) {
        assertThat(chain).extracting(ChainedEvent::seq).as("seq 0..n-1 without a gap")
                .containsExactlyElementsOf(LongStream.range(0, chain.size()).boxed().toList());
        byte[] previous = AuditEncoding.genesis();
        for (ChainedEvent event : chain) {
            assertThat(event.prevHash()).as("prev_hash of seq %d is the chain_hash of its predecessor", event.seq())
                    .isEqualTo(previous);
            previous = event.chainHash();
        }
    }

    private static void assertEverySealerTookPartWithoutOverlap(List<List<ChainedEvent>> sealedByNode,
                                                                List<ChainedEvent> chain) {
        assertThat(sealedByNode).as("every sealer sealed some batches").allSatisfy(sealed ->
                assertThat(sealed).isNotEmpty());
        List<ChainedEvent> all = sealedByNode.stream().flatMap(List::stream)
                .sorted(Comparator.comparingLong(ChainedEvent::seq)).toList();
        assertThat(all).as("what the sealers reported is the stored chain, each event once").isEqualTo(chain);
    }

    private static List<String> markers(List<ChainedEvent> chain) {
        return chain.stream().map(event -> {
            try (JsonReader details = Json.createReader(new StringReader(event.details()))) {
                return details.readObject().getString("marker");
            }
        }).toList();
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
