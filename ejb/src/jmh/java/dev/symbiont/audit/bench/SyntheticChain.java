package dev.symbiont.audit.bench;

import dev.symbiont.audit.AuditEntry;
import dev.symbiont.audit.format.AuditEncoding;
import dev.symbiont.audit.format.ChainHasher;
import dev.symbiont.audit.format.ChainedEvent;
import dev.symbiont.audit.format.Checkpoint;
import dev.symbiont.audit.format.KeySet;
import dev.symbiont.audit.format.MerkleFrontier;
import dev.symbiont.audit.format.PublishedKey;
import dev.symbiont.audit.format.RawKeySigner;
import dev.symbiont.audit.format.Seal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A valid trail held in memory, as the sealer would have written it: {@link AuditWorkload} events, hash-chained,
 * sealed every 512 events by a real Ed25519 key, and one checkpoint over the whole Merkle tree.
 */
final class SyntheticChain {

    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    final RawKeySigner signer = RawKeySigner.generate(new SecureRandom());
    final KeySet keys = KeySet.of(PublishedKey.of(signer.publicKey(), T0, null));
    final List<ChainedEvent> events;
    final List<Seal> seals = new ArrayList<>();
    final Checkpoint checkpoint;

    SyntheticChain(int size, long seed) {
        AuditWorkload workload = new AuditWorkload(seed);
        Random random = new Random(seed);
        ChainHasher hasher = new ChainHasher();
        MerkleFrontier tree = new MerkleFrontier();
        events = new ArrayList<>(size);
        byte[] prev = AuditEncoding.genesis();
        for (int seq = 0; seq < size; seq++) {
            AuditEntry e = workload.template(seq).entry();
            // a copy per event, so a verification reads as much memory as events fresh from a database or file
            String details = new String(workload.template(seq).detailsJson().toCharArray());
            ChainedEvent event = hasher.append(seq, new UUID(random.nextLong(), random.nextLong()), at(seq),
                    e.agentId(), e.type().wireName(), e.actor(), e.decision(), details, prev);
            events.add(event);
            tree.appendChainHash(event.chainHash());
            prev = event.chainHash();
            if ((seq + 1) % AppendRounds.SEAL_BATCH == 0 || seq == size - 1) {
                int first = seals.isEmpty() ? 0 : (int) seals.getLast().lastSeq() + 1;
                seals.add(Seal.sign(first, seq, prev, at(seq).plusMillis(1), signer));
            }
        }
        checkpoint = Checkpoint.sign(size, tree.root(), at(size).plusMillis(1), signer);
    }

    /** Events 50 µs apart: the occurred_at of a trail written at 20,000 events/s. */
    private static Instant at(long seq) {
        return T0.plus(seq * 50, ChronoUnit.MICROS);
    }
}
