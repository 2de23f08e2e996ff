package dev.symbiont.audit.bench;

import dev.symbiont.audit.bundle.BundleReport;
import dev.symbiont.audit.bundle.BundleVerifier;
import dev.symbiont.audit.bundle.BundleWriter;
import dev.symbiont.audit.bundle.CheckpointDocument;
import dev.symbiont.audit.bundle.InclusionProof;
import dev.symbiont.audit.format.ChainVerifier;
import dev.symbiont.audit.format.Checkpoint;
import dev.symbiont.audit.format.Merkle;
import dev.symbiont.audit.format.VerificationResult;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verifying a million events: hash chain recomputed, every seal's signature checked (1,954 of them, one per 512
 * events), the checkpoint's root recomputed from all leaves and its signature checked. In memory with
 * {@link ChainVerifier} (what the server's verify does once rows are read), and offline from an audit bundle file
 * with {@link BundleVerifier} (what an auditor runs: unzip, parse, manifest, chain, proofs). One verification per
 * measured iteration; the score is seconds per million events.
 *
 * <p>Run: {@code ./mvnw -Pbench -pl ejb -am verify -DskipTests -Djmh.args="ChainVerify"}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class ChainVerifyBenchmark {

    static final int EVENTS = 1_000_000;

    @State(Scope.Benchmark)
    public static class InMemory {
        SyntheticChain chain;
        ChainVerifier verifier;

        @Setup(Level.Trial)
        public void build() {
            chain = new SyntheticChain(EVENTS, 20261124L);
            verifier = ChainVerifier.forKeys(chain.keys).toEndOfChain().build();
            requireValid(verify(this), EVENTS);
        }
    }

    /** The same trail as an audit bundle on disk, written once; the events are not kept in memory. */
    @State(Scope.Benchmark)
    public static class Bundle {
        Path file;
        BundleVerifier verifier;

        @Setup(Level.Trial)
        public void write() throws IOException {
            SyntheticChain chain = new SyntheticChain(EVENTS, 20261124L);
            file = Files.createTempFile("symbiont-audit-bench", ".zip");
            long start = System.nanoTime();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                new BundleWriter(chain.signer, Clock.systemUTC()).write("audit bundle seq 0.." + (EVENTS - 1),
                        chain.events.iterator(), chain.seals.iterator(), wholeTree(chain), out);
            }
            System.out.printf("%n# bundle of %,d events: %,d bytes, written in %.1f s%n", EVENTS, Files.size(file),
                    (System.nanoTime() - start) / 1e9);
            verifier = new BundleVerifier(chain.keys);
            BundleReport report = verifier.verify(file);
            if (!report.valid() || !report.rootRecomputed()) {
                throw new IllegalStateException("the benchmark bundle does not verify: " + report.firstFailure());
            }
        }

        @TearDown(Level.Trial)
        public void delete() throws IOException {
            Files.deleteIfExists(file);
        }
    }

    @Benchmark
    public VerificationResult inMemoryChainVerifier(InMemory state) {
        return requireValid(verify(state), EVENTS);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public BundleReport offlineBundleVerifier(Bundle state) throws IOException {
        BundleReport report = state.verifier.verify(state.file);
        if (!report.valid()) {
            throw new IllegalStateException("bundle verification failed: " + report.firstFailure());
        }
        return report;
    }

    private static VerificationResult verify(InMemory state) {
        SyntheticChain chain = state.chain;
        return state.verifier.verify(chain.events.iterator(), chain.seals.iterator(),
                List.of(chain.checkpoint).iterator());
    }

    /** A failed verification stops early or reports differently: only a complete, valid one is timed. */
    private static VerificationResult requireValid(VerificationResult result, long events) {
        if (!result.valid() || result.eventsChecked() != events || result.checkpointsChecked() != 1) {
            throw new IllegalStateException("verification failed: " + result.firstFailure().orElse(null)
                    + ", " + result.eventsChecked() + " events checked");
        }
        return result;
    }

    /** checkpoint.json over the whole tree, with the first and last event's inclusion proofs. */
    private static CheckpointDocument wholeTree(SyntheticChain chain) {
        Checkpoint checkpoint = chain.checkpoint;
        MemoryMerkleTree tree = new MemoryMerkleTree(chain.events);
        long last = checkpoint.treeSize() - 1;
        return new CheckpointDocument(checkpoint, List.of(
                new InclusionProof(0, Merkle.inclusionProof(0, checkpoint.treeSize(), tree)),
                new InclusionProof(last, Merkle.inclusionProof(last, checkpoint.treeSize(), tree))));
    }
}
