package dev.symbiont.audit.bench;

import dev.symbiont.audit.format.ChainedEvent;
import dev.symbiont.audit.format.Checkpoint;
import dev.symbiont.audit.format.KeySet;
import dev.symbiont.audit.format.Merkle;
import dev.symbiont.audit.format.SignatureCheck;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a client does with GET /api/v1/audit/events/{id}: checks the event's inclusion proof against a checkpoint of a
 * million-event tree, and the checkpoint's Ed25519 signature. Measured apart (the proof is about 20 hashes, the
 * signature one verification) and together, starting from the event as received (chain hash recomputed). Proofs
 * are precomputed for 1,024 random events; the key set is loaded once, as a client keeps GET /audit/keys.
 *
 * <p>Run: {@code ./mvnw -Pbench -pl ejb -am verify -DskipTests -Djmh.args="InclusionProof"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class InclusionProofBenchmark {

    static final int LEAVES = 1_000_000;
    private static final int PROOFS = 1024;

    /** An event as a client receives it, its leaf hash and its audit path in the checkpoint's tree. */
    private record Proof(ChainedEvent event, byte[] leafHash, List<byte[]> path) {
    }

    private final Proof[] proofs = new Proof[PROOFS];
    private Checkpoint checkpoint;
    private KeySet keys;

    @Setup(Level.Trial)
    public void build() {
        SyntheticChain chain = new SyntheticChain(LEAVES, 20261124L);
        MemoryMerkleTree tree = new MemoryMerkleTree(chain.events);
        checkpoint = chain.checkpoint;
        keys = chain.keys;
        if (!Arrays.equals(tree.root(), checkpoint.rootHash())) {
            throw new IllegalStateException("the proof tree and the checkpoint disagree on the root");
        }
        Random random = new Random(7);
        for (int i = 0; i < PROOFS; i++) {
            ChainedEvent event = chain.events.get(random.nextInt(LEAVES));
            proofs[i] = new Proof(event, Merkle.leafHash(event.chainHash()),
                    Merkle.inclusionProof(event.seq(), LEAVES, tree));
            if (!proofHolds(proofs[i])) {
                throw new IllegalStateException("the proof of event " + event.seq() + " does not verify");
            }
        }
        System.out.printf("%n# %,d leaves, audit paths of %d hashes%n", LEAVES, proofs[0].path().size());
    }

    /** A proof index per thread, cycling through all of them. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int advance() {
            next = (next + 1) & (PROOFS - 1);
            return next;
        }
    }

    @Benchmark
    public boolean inclusionProof(Cursor cursor) {
        return proofHolds(proofs[cursor.advance()]);
    }

    @Benchmark
    public SignatureCheck checkpointSignature() {
        return keys.check(checkpoint.keyId(), checkpoint.createdAt(), checkpoint.statement(),
                checkpoint.signature());
    }

    /** From the event as received: its content hashes to its chain hash, which is in the signed tree. */
    @Benchmark
    public boolean eventInSignedCheckpoint(Cursor cursor) {
        Proof proof = proofs[cursor.advance()];
        ChainedEvent event = proof.event();
        byte[] chainHash = event.recomputeChainHash();
        return Arrays.equals(chainHash, event.chainHash())
                && Merkle.verifyInclusion(event.seq(), checkpoint.treeSize(), Merkle.leafHash(chainHash),
                        proof.path(), checkpoint.rootHash())
                && checkpointSignature() == SignatureCheck.OK;
    }

    private boolean proofHolds(Proof proof) {
        return Merkle.verifyInclusion(proof.event().seq(), checkpoint.treeSize(), proof.leafHash(), proof.path(),
                checkpoint.rootHash());
    }
}
