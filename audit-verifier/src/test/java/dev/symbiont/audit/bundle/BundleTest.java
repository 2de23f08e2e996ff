package dev.symbiont.audit.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.symbiont.audit.fixtures.ChainFixture;
import dev.symbiont.audit.format.Failure;
import dev.symbiont.audit.format.Merkle;
import dev.symbiont.audit.format.Seal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleTest {

    static final int SIZE = 1_500;
    static final ChainFixture CHAIN = ChainFixture.of(SIZE);

    @TempDir
    Path dir;

    @Test
    void aWrittenBundleOfTheWholeChainVerifies() throws IOException {
        Path bundle = BundleFiles.write(CHAIN, 0, SIZE - 1, dir.resolve("audit-bundle.zip"));

        BundleReport report = new BundleVerifier(CHAIN.keys()).verify(bundle);

        assertThat(report.failures()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report.rootRecomputed()).isTrue();
        assertThat(report.chain().eventsChecked()).isEqualTo(SIZE);
        assertThat(report.chain().sealsChecked()).isEqualTo(CHAIN.seals.size());
        assertThat(report.manifest().files()).extracting(f -> f.name())
                .containsExactly("events.jsonl", "seals.jsonl", "checkpoint.json");
    }

    @Test
    void theManifestListsTheEntriesAsWritten() throws IOException {
        Path bundle = BundleFiles.write(CHAIN, 0, SIZE - 1, dir.resolve("audit-bundle.zip"));
        Map<String, byte[]> entries = BundleFiles.entries(bundle);

        ManifestCheck check = new ManifestVerifier(CHAIN.keys()).verifyContents(
                new BundleVerifier(CHAIN.keys()).verify(bundle).manifest(),
                Map.of("events.jsonl", entries.get("events.jsonl"), "seals.jsonl", entries.get("seals.jsonl"),
                        "checkpoint.json", entries.get("checkpoint.json")));

        assertThat(check.valid()).isTrue();
        assertThat(entries.keySet()).containsExactly("events.jsonl", "seals.jsonl", "checkpoint.json",
                "manifest.json");
    }

    @Test
    void aBundleFromTheMiddleOfTheChainVerifiesByInclusionProofs() throws IOException {
        Seal first = CHAIN.seals.get(9);
        Seal last = CHAIN.seals.get(14);
        Path bundle = BundleFiles.write(CHAIN, first.firstSeq(), last.lastSeq(), dir.resolve("middle.zip"));

        BundleReport report = new BundleVerifier(CHAIN.keys()).verify(bundle);

        assertThat(report.failures()).isEmpty();
        assertThat(report.rootRecomputed()).isFalse();
        assertThat(report.chain().firstSeq()).isEqualTo(first.firstSeq());
    }

    @Test
    void aTamperedByteInTheEventsIsCaughtByTheManifestAndTheChain() throws IOException {
        Path bundle = BundleFiles.write(CHAIN, 0, SIZE - 1, dir.resolve("audit-bundle.zip"));
        Path tampered = BundleFiles.rewrite(bundle, dir.resolve("tampered.zip"),
                entries -> BundleFiles.replaceFirst(entries, "events.jsonl", "\"deny\"", "\"dent\""));

        BundleReport report = new BundleVerifier(CHAIN.keys()).verify(tampered);

        assertThat(report.valid()).isFalse();
        assertThat(report.failures()).extracting(Failure::kind, Failure::seq).containsExactly(
                tuple(Failure.Kind.MANIFEST, null),
                tuple(Failure.Kind.CHAIN_HASH_MISMATCH, 0L));
        assertThat(report.firstFailure().orElseThrow().message()).startsWith("events.jsonl has SHA-256");
    }

    @Test
    void editedEventsUnderAManifestReSignedByAnUnpublishedKeyFailOnTheKey() throws IOException {
        Path bundle = BundleFiles.write(CHAIN, 0, SIZE - 1, dir.resolve("audit-bundle.zip"));
        Path forged = BundleFiles.rewrite(bundle, dir.resolve("forged.zip"), entries -> {
            BundleFiles.replaceFirst(entries, "events.jsonl", "\"deny\"", "\"allow\"");
            BundleFiles.resign(entries, ChainFixture.signerFrom("intruder"));
        });

        BundleReport report = new BundleVerifier(CHAIN.keys()).verify(forged);

        assertThat(report.failures()).extracting(Failure::kind, Failure::seq).containsExactly(
                tuple(Failure.Kind.MANIFEST, null),
                tuple(Failure.Kind.CHAIN_HASH_MISMATCH, 0L));
        assertThat(report.firstFailure().orElseThrow().message()).contains("not a published key");
    }

    @Test
    void aDeletedEventLineIsOneGapEvenUnderAReSignedManifest() throws IOException {
        Path bundle = BundleFiles.write(CHAIN, 0, SIZE - 1, dir.resolve("audit-bundle.zip"));
        Path forged = BundleFiles.rewrite(bundle, dir.resolve("forged.zip"), entries -> {
            String[] lines = new String(entries.get("events.jsonl"), StandardCharsets.UTF_8)
                    .split("\n");
            StringBuilder kept = new StringBuilder();
            for (int i = 0; i < lines.length; i++) {
                if (i != 77) {
                    kept.append(lines[i]).append('\n');
                }
            }
            entries.put("events.jsonl", kept.toString().getBytes(StandardCharsets.UTF_8));
            BundleFiles.resign(entries, CHAIN.signer);
        });

        BundleReport report = new BundleVerifier(CHAIN.keys()).verify(forged);

        assertThat(report.failures()).extracting(Failure::kind, Failure::seq)
                .containsExactly(tuple(Failure.Kind.SEQUENCE_GAP, 77L));
    }

    @Test
    void aCorruptZipEntryIsAFailureNotACrash() throws IOException {
        Path bundle = BundleFiles.write(CHAIN, 0, SIZE - 1, dir.resolve("audit-bundle.zip"));
        byte[] zip = Files.readAllBytes(bundle);
        for (int i = 200; i < 260; i++) {
            zip[i] ^= 0x5A;
        }
        Path corrupt = Files.write(dir.resolve("corrupt.zip"), zip);

        BundleReport report = new BundleVerifier(CHAIN.keys()).verify(corrupt);

        assertThat(report.valid()).isFalse();
        assertThat(report.failures()).isNotEmpty();
    }

    @Test
    void aMissingInclusionProofOfTheLastEventIsNamed() throws IOException {
        CheckpointDocument full = CHAIN.checkpointDocument(0, SIZE - 1);
        CheckpointDocument firstOnly = new CheckpointDocument(full.checkpoint(), full.inclusion().subList(0, 1));
        Path bundle = BundleFiles.write(CHAIN, 0, SIZE - 1, firstOnly, dir.resolve("audit-bundle.zip"));

        BundleReport report = new BundleVerifier(CHAIN.keys()).verify(bundle);

        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.kind()).isEqualTo(Failure.Kind.INCLUSION_PROOF);
            assertThat(failure.seq()).isEqualTo(SIZE - 1);
            assertThat(failure.message()).contains("no inclusion proof of the last exported event");
        });
    }

    @Test
    void anInclusionProofThatDoesNotLeadToTheRootIsNamed() throws IOException {
        Seal first = CHAIN.seals.get(9);
        Seal last = CHAIN.seals.get(14);
        CheckpointDocument good = CHAIN.checkpointDocument(first.firstSeq(), last.lastSeq());
        List<byte[]> wrongPath = Merkle.inclusionProof(first.firstSeq() + 1, SIZE, CHAIN.tree.subtrees());
        CheckpointDocument bad = new CheckpointDocument(good.checkpoint(), List.of(
                new InclusionProof(first.firstSeq(), wrongPath), good.inclusion().get(1)));
        Path bundle = BundleFiles.write(CHAIN, first.firstSeq(), last.lastSeq(), bad, dir.resolve("middle.zip"));

        BundleReport report = new BundleVerifier(CHAIN.keys()).verify(bundle);

        assertThat(report.failures()).extracting(Failure::kind, Failure::seq)
                .containsExactly(tuple(Failure.Kind.INCLUSION_PROOF, first.firstSeq()));
        assertThat(report.failures().get(0).eventId()).isEqualTo(CHAIN.events.get((int) first.firstSeq()).eventId());
    }

    @Test
    void aBundleWithoutItsSealsIsMalformed() throws IOException {
        Path bundle = BundleFiles.write(CHAIN, 0, SIZE - 1, dir.resolve("audit-bundle.zip"));
        Path stripped = BundleFiles.rewrite(bundle, dir.resolve("stripped.zip"), e -> e.remove("seals.jsonl"));

        BundleReport report = new BundleVerifier(CHAIN.keys()).verify(stripped);

        assertThat(report.failures()).extracting(Failure::kind, Failure::message).contains(
                tuple(Failure.Kind.MANIFEST, "seals.jsonl is listed in the manifest but missing"),
                tuple(Failure.Kind.MALFORMED, "the bundle has no seals.jsonl"));
    }

    @Test
    void aFileThatIsNotAZipCannotBeVerified() throws IOException {
        Path text = Files.writeString(dir.resolve("not-a-bundle.zip"), "hello");

        assertThatThrownBy(() -> new BundleVerifier(CHAIN.keys()).verify(text)).isInstanceOf(IOException.class);
    }
}
