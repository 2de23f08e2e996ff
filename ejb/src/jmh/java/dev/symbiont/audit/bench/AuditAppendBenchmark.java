package dev.symbiont.audit.bench;

import dev.symbiont.audit.format.KeySet;
import dev.symbiont.audit.format.PublishedKey;
import dev.symbiont.audit.format.RawKeySigner;
import dev.symbiont.audit.format.VerificationResult;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Durable append of signed, chained events, end to end on a real PostgreSQL with production's durability
 * (fsync, synchronous_commit=on), against a plain batched INSERT of the same rows into the same database.
 *
 * <p>The score is events/s of the signed pipeline ({@link AppendRounds}): an event counts once it is committed in
 * audit_event, chained, in the Merkle tree and covered by a signed seal. The baseline cannot be a second benchmark
 * method: JMH runs each in its own JVM, so each would get its own database at another moment, and on a shared
 * 2-core machine that difference can exceed the one being measured. Instead every signed round is preceded by a
 * plain round of the same size, in the invocation setup that JMH leaves out of its timing, and timed here; the
 * summary at the end gives both rates and their ratio over the measured rounds. Rounds last about a second, so
 * invocation-level setup costs nothing measurable. At the end the whole stored trail is verified.
 *
 * <p>Run: {@code ./mvnw -Pbench -pl ejb -am verify -DskipTests -Djmh.args="AuditAppend"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 10)
public class AuditAppendBenchmark {

    static final int ROUND = 16_384;

    /** Writer threads, each on its own connection, as concurrent actions are. */
    @Param("2")
    int writers;

    /** Events per writer transaction, in both pipelines. */
    @Param("512")
    int batch;

    private BenchDatabase database;
    private AppendRounds rounds;
    private KeySet keys;
    private final RoundTimes signed = new RoundTimes();
    private final RoundTimes plain = new RoundTimes();
    private boolean measuring;

    @Setup(Level.Trial)
    public void start() throws Exception {
        Instant started = Instant.now();
        database = BenchDatabase.start();
        RawKeySigner signer = RawKeySigner.generate(new SecureRandom());
        keys = KeySet.of(PublishedKey.of(signer.publicKey(), started, null));
        AuditWorkload workload = new AuditWorkload(20261124L);
        rounds = new AppendRounds(database, workload, signer, writers, batch);
        System.out.printf("%n# PostgreSQL %s%n# %d writers, %d events per transaction, %d events per round, "
                + "details %.0f bytes on average%n", database.settings(), writers, batch, ROUND,
                workload.averageDetailsBytes());
    }

    @Setup(Level.Iteration)
    public void iteration(IterationParams iteration) {
        measuring = iteration.getType() == IterationType.MEASUREMENT;
    }

    @Setup(Level.Invocation)
    public void plainRound() throws Exception {
        long nanos = rounds.plainRound(ROUND);
        if (measuring) {
            plain.add(ROUND, nanos);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROUND)
    public void signedChainedAppend() throws Exception {
        long nanos = rounds.signedRound(ROUND);
        if (measuring) {
            signed.add(ROUND, nanos);
        }
    }

    @TearDown(Level.Trial)
    public void report() throws Exception {
        try {
            System.out.printf("%n# %d measured rounds of %d events each, alternating plain and signed:%n",
                    signed.rounds(), ROUND);
            line("signed+chained (pending, seal)", signed);
            line("plain batched INSERT", plain);
            System.out.printf("#   ratio signed/plain: %.2f (of median rounds: %.2f)%n",
                    signed.eventsPerSecond() / plain.eventsPerSecond(),
                    signed.medianEventsPerSecond() / plain.medianEventsPerSecond());
            VerificationResult check = StoredTrail.verify(rounds.sealerConnection(), keys);
            long pending = StoredTrail.pendingEvents(rounds.sealerConnection());
            System.out.printf("# stored trail: %d events, %d seals, %d checkpoints, %s, %d left pending%n",
                    check.eventsChecked(), check.sealsChecked(), check.checkpointsChecked(),
                    check.valid() ? "valid" : "INVALID: " + check.firstFailure().orElseThrow(), pending);
            if (!check.valid() || check.eventsChecked() != rounds.sealedEvents() || pending != 0) {
                throw new IllegalStateException("the benchmark did not leave a complete, valid trail");
            }
        } finally {
            rounds.close();
            database.close();
        }
    }

    private static void line(String what, RoundTimes times) {
        System.out.printf("#   %-32s %,9.0f events/s (median round %,.0f, min %,.0f, max %,.0f)%n", what,
                times.eventsPerSecond(), times.medianEventsPerSecond(), times.minEventsPerSecond(),
                times.maxEventsPerSecond());
    }
}
