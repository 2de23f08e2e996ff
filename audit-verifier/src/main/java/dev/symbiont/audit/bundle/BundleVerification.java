package dev.symbiont.audit.bundle;

import dev.symbiont.audit.format.ChainVerifier;
import dev.symbiont.audit.format.ChainedEvent;
import dev.symbiont.audit.format.Checkpoint;
import dev.symbiont.audit.format.Failure;
import dev.symbiont.audit.format.Hashes;
import dev.symbiont.audit.format.KeySet;
import dev.symbiont.audit.format.Manifest;
import dev.symbiont.audit.format.ManifestFile;
import dev.symbiont.audit.format.Merkle;
import dev.symbiont.audit.format.Seal;
import dev.symbiont.audit.format.VerificationResult;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** One bundle being verified: what has been read from the ZIP so far and the failures found. */
final class BundleVerification {

    private final ZipFile zip;
    private final KeySet keys;
    private final int maxFailures;
    private final List<Failure> manifestFailures = new ArrayList<>();
    private final List<Failure> malformed = new ArrayList<>();
    private final List<Failure> inclusionFailures = new ArrayList<>();
    /** What each entry really holds, for the manifest; null for an entry present but unreadable. */
    private final Map<String, ManifestFile> actual = new LinkedHashMap<>();
    /** The events the inclusion proofs are about, kept as they stream by. */
    private final Map<Long, ChainedEvent> provenEvents = new HashMap<>();

    BundleVerification(ZipFile zip, KeySet keys, int maxFailures) {
        this.zip = zip;
        this.keys = keys;
        this.maxFailures = maxFailures;
    }

    BundleReport run() {
        checkEntryNames();
        Manifest manifest = readSmallEntry(BundleEntries.MANIFEST, AuditJson::readManifest, false);
        CheckpointDocument checkpoint = readSmallEntry(BundleEntries.CHECKPOINT, AuditJson::readCheckpointDocument,
                true);
        describeOtherEntries();
        VerificationResult chain = verifyChain(checkpoint);
        if (manifest != null) {
            new ManifestVerifier(keys).verify(manifest, actual).problems()
                    .forEach(problem -> manifestFailures.add(new Failure(Failure.Kind.MANIFEST, null, null, problem)));
        }
        if (checkpoint != null && chain != null) {
            checkInclusion(checkpoint, chain);
        }
        return report(manifest, checkpoint, chain);
    }

    private void checkEntryNames() {
        Set<String> names = new HashSet<>();
        for (ZipEntry entry : Collections.list(zip.entries())) {
            if (!names.add(entry.getName())) {
                malformed("the bundle has two entries named " + entry.getName());
            }
        }
    }

    /** Reads, hashes (unless it is the manifest itself) and parses a small JSON entry. */
    private <T> T readSmallEntry(String name, Function<JsonObject, T> parse, boolean listed) {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            malformed("the bundle has no " + name);
            return null;
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            malformed(name + " cannot be read: " + e.getMessage());
            if (listed) {
                actual.put(name, null);
            }
            return null;
        }
        if (listed) {
            actual.put(name, ManifestFile.of(name, bytes));
        }
        try {
            return parse.apply(AuditJson.parse(new String(bytes, StandardCharsets.UTF_8)));
        } catch (AuditJsonException e) {
            malformed(name + ": " + e.getMessage());
            return null;
        }
    }

    /** Entries besides the four: the manifest check reports them as unlisted. */
    private void describeOtherEntries() {
        for (ZipEntry entry : Collections.list(zip.entries())) {
            String name = entry.getName();
            if (name.equals(BundleEntries.MANIFEST) || BundleEntries.LISTED.contains(name)) {
                continue;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                actual.put(name, ManifestFile.of(name, in.readAllBytes()));
            } catch (IOException e) {
                malformed(name + " cannot be read: " + e.getMessage());
                actual.put(name, null);
            }
        }
    }

    /** Streams events.jsonl and seals.jsonl through the chain verifier, hashing both for the manifest. */
    private VerificationResult verifyChain(CheckpointDocument checkpoint) {
        ZipEntry eventsEntry = zip.getEntry(BundleEntries.EVENTS);
        ZipEntry sealsEntry = zip.getEntry(BundleEntries.SEALS);
        if (eventsEntry == null || sealsEntry == null) {
            malformed("the bundle has no " + (eventsEntry == null ? BundleEntries.EVENTS : BundleEntries.SEALS));
            return null;
        }
        try (HashingInputStream eventsIn = new HashingInputStream(zip.getInputStream(eventsEntry));
             HashingInputStream sealsIn = new HashingInputStream(zip.getInputStream(sealsEntry))) {
            JsonLines<ChainedEvent> events = new JsonLines<>(eventsIn, BundleEntries.EVENTS, AuditJson::readEvent,
                    this::malformed);
            JsonLines<Seal> seals = new JsonLines<>(sealsIn, BundleEntries.SEALS, AuditJson::readSeal,
                    this::malformed);
            VerificationResult result = chainVerifier(events.peek()).verify(keepProven(events, checkpoint), seals,
                    checkpoint == null ? Collections.emptyIterator() : List.of(checkpoint.checkpoint()).iterator());
            describe(BundleEntries.EVENTS, eventsIn, events.unreadable());
            describe(BundleEntries.SEALS, sealsIn, seals.unreadable());
            return result;
        } catch (IOException e) {
            malformed("events or seals cannot be read: " + e.getMessage());
            actual.putIfAbsent(BundleEntries.EVENTS, null);
            actual.putIfAbsent(BundleEntries.SEALS, null);
            return null;
        }
    }

    /**
     * From seq 0 the whole chain is here: GENESIS and the Merkle tree are known. A later start trusts its first
     * prev_hash (the seal over it still commits to the chain) and checks checkpoint roots by inclusion proof only.
     */
    private ChainVerifier chainVerifier(ChainedEvent first) {
        ChainVerifier.Builder builder = ChainVerifier.forKeys(keys).maxFailures(maxFailures);
        if (first != null && first.seq() > 0) {
            builder.startingAt(first.seq(), null);
        }
        return builder.build();
    }

    private Iterator<ChainedEvent> keepProven(Iterator<ChainedEvent> events, CheckpointDocument checkpoint) {
        Set<Long> proven = new HashSet<>();
        if (checkpoint != null) {
            checkpoint.inclusion().forEach(proof -> proven.add(proof.seq()));
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return events.hasNext();
            }

            @Override
            public ChainedEvent next() {
                ChainedEvent event = events.next();
                if (proven.contains(event.seq())) {
                    provenEvents.putIfAbsent(event.seq(), event);
                }
                return event;
            }
        };
    }

    private void describe(String name, HashingInputStream in, boolean unreadable) {
        if (unreadable) {
            actual.put(name, null);
            return;
        }
        try {
            actual.put(name, in.drainAndDescribe(name));
        } catch (IOException e) {
            malformed(name + " cannot be read: " + e.getMessage());
            actual.put(name, null);
        }
    }

    /** Both ends of the exported range must be proven in the checkpoint's tree, and every proof given must hold. */
    private void checkInclusion(CheckpointDocument document, VerificationResult chain) {
        Checkpoint checkpoint = document.checkpoint();
        if (chain.firstSeq() != null) {
            requireProof(document, chain.firstSeq(), "first");
            requireProof(document, chain.lastSeq(), "last");
        }
        for (InclusionProof proof : document.inclusion()) {
            ChainedEvent event = provenEvents.get(proof.seq());
            if (event == null) {
                inclusionFailure(proof.seq(), null, "checkpoint.json proves seq " + proof.seq()
                        + ", which is not an exported event");
            } else if (proof.seq() >= checkpoint.treeSize()) {
                inclusionFailure(proof.seq(), event, "event seq " + proof.seq() + " is not in the checkpoint's tree"
                        + " of size " + checkpoint.treeSize());
            } else if (!Merkle.verifyInclusion(proof.seq(), checkpoint.treeSize(), Merkle.leafHash(event.chainHash()),
                    proof.auditPath(), checkpoint.rootHash())) {
                inclusionFailure(proof.seq(), event, "the inclusion proof of seq " + proof.seq() + " ("
                        + proof.auditPath().size() + " hashes) does not lead to root "
                        + Hashes.prefix(checkpoint.rootHash()) + " of checkpoint tree_size " + checkpoint.treeSize());
            }
        }
    }

    private void requireProof(CheckpointDocument document, long seq, String which) {
        if (document.proofOf(seq).isEmpty()) {
            inclusionFailure(seq, provenEvents.get(seq), "checkpoint.json has no inclusion proof of the " + which
                    + " exported event, seq " + seq);
        }
    }

    private void inclusionFailure(long seq, ChainedEvent event, String message) {
        inclusionFailures.add(new Failure(Failure.Kind.INCLUSION_PROOF, seq, event == null ? null : event.eventId(),
                message));
    }

    private void malformed(String message) {
        malformed.add(new Failure(Failure.Kind.MALFORMED, null, null, message));
    }

    private BundleReport report(Manifest manifest, CheckpointDocument checkpoint, VerificationResult chain) {
        List<Failure> all = new ArrayList<>(manifestFailures);
        all.addAll(malformed);
        if (chain != null) {
            all.addAll(chain.failures());
        }
        all.addAll(inclusionFailures);
        boolean chainValid = chain != null && chain.valid();
        boolean valid = all.isEmpty() && chainValid;
        boolean rootRecomputed = valid && checkpoint != null && chain.firstSeq() != null && chain.firstSeq() == 0
                && chain.lastSeq() + 1 >= checkpoint.checkpoint().treeSize();
        boolean truncated = (chain != null && chain.failuresTruncated()) || all.size() > maxFailures;
        return new BundleReport(valid, manifest, checkpoint, chain, rootRecomputed,
                all.subList(0, Math.min(all.size(), maxFailures)), truncated);
    }
}
