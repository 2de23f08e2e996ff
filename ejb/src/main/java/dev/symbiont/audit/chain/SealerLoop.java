package dev.symbiont.audit.chain;

import dev.symbiont.audit.AuditStream;
import dev.symbiont.audit.format.ChainedEvent;
import dev.symbiont.audit.format.Checkpoint;
import dev.symbiont.audit.keys.SigningKeys;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The node's sealing thread. Woken after every commit that recorded events (and every poll interval, for events
 * other nodes recorded), it seals until nothing is pending, publishes what it sealed to live subscribers, and signs
 * a checkpoint once per checkpoint interval when the tree has grown. Events are covered by their seal's signature
 * the moment they are chained; the delay between an action's commit and its event's seal is the time to the next
 * wake-up, milliseconds under normal load, bounded by the poll interval.
 */
@ApplicationScoped
public class SealerLoop {

    private static final Logger LOG = Logger.getLogger(SealerLoop.class.getName());

    @Resource(lookup = "jdbc/symbiont")
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ManagedExecutorService executor;

    @Inject
    SigningKeys keys;

    @Inject
    AuditStream stream;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "symbiont.audit.seal-batch", defaultValue = "512")
    int batchSize;

    @Inject
    @ConfigProperty(name = "symbiont.audit.poll-interval", defaultValue = "PT0.5S")
    Duration pollInterval;

    @Inject
    @ConfigProperty(name = "symbiont.audit.checkpoint-interval", defaultValue = "PT10S")
    Duration checkpointInterval;

    private final Object signal = new Object();
    private ChainSealer sealer;
    private Thread thread;
    private volatile boolean running;
    private boolean woken;
    private long requestedRounds;
    private long completedRounds;
    private Instant lastCheckpoint = Instant.EPOCH;

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        sealer = new ChainSealer(keys::current, clock, batchSize);
        running = true;
        thread = threads.newThread(this::run);
        thread.setName("symbiont-audit-sealer");
        thread.start();
    }

    @PreDestroy
    synchronized void stop() {
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Something was recorded: seal it soon. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /**
     * Waits until every event committed before this call is in the chain, so a reader sees its own writes.
     *
     * @return false if that took longer than {@code timeout} (the caller answers from what is sealed)
     */
    public boolean awaitSealed(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (signal) {
            long round = ++requestedRounds;
            woken = true;
            signal.notifyAll();
            while (completedRounds < round) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !running) {
                    return false;
                }
                try {
                    signal.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Signs a checkpoint of the tree as it is now (or returns the one that exists for this size). Runs as a task
     * of its own, outside any transaction of the caller: the checkpoint commits whatever the caller does.
     */
    public Checkpoint checkpointNow() {
        try {
            return executor.submit(this::checkpointInOwnTransaction).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditStorageException("interrupted while signing an audit checkpoint", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AuditStorageException("cannot sign an audit checkpoint", e);
        }
    }

    private Checkpoint checkpointInOwnTransaction() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            return sealer.checkpoint(connection);
        }
    }

    private void run() {
        while (running) {
            long round;
            synchronized (signal) {
                round = requestedRounds;
                woken = false;
            }
            try {
                sealEverythingPending();
                synchronized (signal) {
                    completedRounds = Math.max(completedRounds, round);
                    signal.notifyAll();
                }
                checkpointWhenDue();
                idle();
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "audit sealing failed; retrying in 1 s", e);
                pause(Duration.ofSeconds(1));
            }
        }
    }

    private void sealEverythingPending() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            List<ChainedEvent> sealed;
            do {
                sealed = sealer.sealBatch(connection);
                stream.publish(sealed);
            } while (sealed.size() == batchSize && running);
        }
    }

    private void checkpointWhenDue() {
        Instant now = clock.instant();
        if (Duration.between(lastCheckpoint, now).compareTo(checkpointInterval) < 0) {
            return;
        }
        try {
            checkpointInOwnTransaction();
        } catch (SQLException e) {
            throw new AuditStorageException("cannot sign an audit checkpoint", e);
        }
        lastCheckpoint = now;
    }

    private void idle() {
        synchronized (signal) {
            if (!woken && running) {
                try {
                    signal.wait(Math.max(1, pollInterval.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }

    private void pause(Duration duration) {
        synchronized (signal) {
            try {
                signal.wait(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
