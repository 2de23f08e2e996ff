package dev.symbiont.audit.bench;

import dev.symbiont.audit.chain.ChainSealer;
import dev.symbiont.audit.chain.PendingEvents;
import dev.symbiont.audit.format.RawKeySigner;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The two pipelines AuditAppendBenchmark compares, run in rounds of a fixed number of events by the same writer
 * threads, each on its own connection, committing the same number of events per transaction:
 * <ul>
 * <li>signed: writers insert into audit_pending with {@link PendingEvents} (what every action does inside its own
 * transaction) while a {@link ChainSealer}, woken by their commits as SealerLoop is, numbers, chains, extends the
 * Merkle tree, signs and commits them in batches of 512 (the default symbiont.audit.seal-batch). The round ends when
 * its last event is sealed and a checkpoint over the tree is signed.</li>
 * <li>plain: writers insert the same rows into audit_event_plain ({@link PlainInsert}).</li>
 * </ul>
 * Writers batch rather than commit one event per transaction: one event per commit would measure PostgreSQL's
 * commit rate, the same for both pipelines, not what the trail adds to each row.
 */
final class AppendRounds implements AutoCloseable {

    static final int SEAL_BATCH = 512;

    private final AuditWorkload workload;
    private final int batch;
    private final Clock clock = Clock.systemUTC();
    private final List<Connection> writerConnections = new ArrayList<>();
    private final Connection sealerConnection;
    private final ChainSealer sealer;
    private final ExecutorService threads;
    /** A permit per writer commit: the sealer's wake-up, as PendingAuditTrail wakes SealerLoop after a commit. */
    private final Semaphore commits = new Semaphore(0);
    /** Events in the chain; written by the sealer task only, read after it completed. */
    private long sealed;
    private long plainRows;

    AppendRounds(BenchDatabase database, AuditWorkload workload, RawKeySigner signer, int writers, int batch)
            throws SQLException {
        this.workload = workload;
        this.batch = batch;
        for (int i = 0; i < writers; i++) {
            writerConnections.add(database.connect());
        }
        sealerConnection = database.connect();
        sealer = new ChainSealer(() -> signer, clock, SEAL_BATCH);
        threads = Executors.newFixedThreadPool(writers + 1);
    }

    /** One round of the signed pipeline; returns its wall time in nanoseconds. */
    long signedRound(int events) throws Exception {
        long target = sealed + events;
        return run(events, this::writePending, () -> {
            sealUntil(target);
            return null;
        });
    }

    /** One round of the baseline; returns its wall time in nanoseconds. */
    long plainRound(int events) throws Exception {
        return run(events, this::writePlain, null);
    }

    long sealedEvents() {
        return sealed;
    }

    private interface Writer {
        void write(Connection connection, int events) throws SQLException;
    }

    private long run(int events, Writer writer, Callable<Void> sealing) throws Exception {
        long start = System.nanoTime();
        List<Future<Void>> tasks = new ArrayList<>();
        int writers = writerConnections.size();
        for (int i = 0; i < writers; i++) {
            Connection connection = writerConnections.get(i);
            int share = events / writers + (i < events % writers ? 1 : 0);
            tasks.add(threads.submit(() -> {
                writer.write(connection, share);
                return null;
            }));
        }
        if (sealing != null) {
            tasks.add(threads.submit(sealing));
        }
        try {
            for (Future<Void> task : tasks) {
                task.get();
            }
        } catch (ExecutionException e) {
            // a failed writer would leave the sealer waiting for events that never come
            tasks.forEach(task -> task.cancel(true));
            throw e;
        }
        return System.nanoTime() - start;
    }

    private void writePending(Connection connection, int events) throws SQLException {
        for (int done = 0; done < events; done += batch) {
            int n = Math.min(batch, events - done);
            PendingEvents.insert(connection, AuditWorkload.entriesAt(workload.next(n), clock.instant()));
            connection.commit();
            commits.release();
        }
    }

    private void writePlain(Connection connection, int events) throws SQLException {
        for (int done = 0; done < events; done += batch) {
            int n = Math.min(batch, events - done);
            PlainInsert.insert(connection, claimPlainSeqs(n), workload.next(n), clock.instant());
            connection.commit();
        }
    }

    private synchronized long claimPlainSeqs(int n) {
        long first = plainRows;
        plainRows += n;
        return first;
    }

    /** SealerLoop's loop: seal while batches come back full, otherwise wait for the next commit. */
    private void sealUntil(long target) throws SQLException, InterruptedException {
        while (sealed < target) {
            // permits of commits already visible to the next batch are spent; a later commit leaves one
            commits.drainPermits();
            int n = sealer.sealBatch(sealerConnection).size();
            sealed += n;
            if (n < SEAL_BATCH && sealed < target) {
                commits.tryAcquire(100, TimeUnit.MILLISECONDS);
            }
        }
        sealer.checkpoint(sealerConnection);
    }

    Connection sealerConnection() {
        return sealerConnection;
    }

    @Override
    public void close() throws SQLException {
        threads.shutdownNow();
        for (Connection c : writerConnections) {
            c.close();
        }
        sealerConnection.close();
    }
}
