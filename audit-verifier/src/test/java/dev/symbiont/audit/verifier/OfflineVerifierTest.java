package dev.symbiont.audit.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.audit.bundle.AuditJson;
import dev.symbiont.audit.bundle.BundleFiles;
import dev.symbiont.audit.bundle.ManifestSigner;
import dev.symbiont.audit.fixtures.ChainFixture;
import dev.symbiont.audit.format.Manifest;
import dev.symbiont.audit.format.ManifestFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineVerifierTest {

    static final ChainFixture CHAIN = ChainFixture.of(600);

    @TempDir
    Path dir;
    Path keys;
    Path bundle;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void exportedTrail() throws IOException {
        keys = Files.writeString(dir.resolve("keys.json"), AuditJson.write(AuditJson.keysDocument(List.of(CHAIN.key))));
        bundle = BundleFiles.write(CHAIN, 0, 599, dir.resolve("audit-bundle.zip"));
    }

    @Test
    void aValidBundleExitsZeroWithCounts() {
        assertThat(run("bundle", "--keys", keys.toString(), bundle.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("VALID audit bundle")
                .contains("600 events (seq 0..599)", "root recomputed from all events");
    }

    @Test
    void aTamperedBundleExitsOneNamingEachFailure() {
        Path tampered = BundleFiles.rewrite(bundle, dir.resolve("tampered.zip"),
                entries -> BundleFiles.replaceFirst(entries, "events.jsonl", "\"deny\"", "\"dent\""));

        assertThat(run("bundle", "--keys", keys.toString(), tampered.toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("INVALID audit bundle")
                .contains("MANIFEST: events.jsonl has SHA-256",
                        "CHAIN_HASH_MISMATCH at seq 0 (event " + CHAIN.events.get(0).eventId() + ")");
    }

    @Test
    void noArgumentsIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
    }

    @Test
    void aMissingKeysOptionIsAUsageError() {
        assertThat(run("bundle", bundle.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--keys keys.json is required");
    }

    @Test
    void anUnreadableKeysFileExitsTwo() {
        assertThat(run("bundle", "--keys", dir.resolve("nope.json").toString(), bundle.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read keys file", "no such file");
    }

    @Test
    void aFileThatIsNotABundleExitsTwo() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.zip"), "not a zip");

        assertThat(run("bundle", "--keys", keys.toString(), text.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read", "as an audit bundle");
    }

    @Test
    void aManifestAndItsFilesExitZero() throws IOException {
        Path report = Files.writeString(dir.resolve("report.json"), "{\"agents\":3}");
        Path manifest = manifestOver(report);

        assertThat(run("manifest", "--keys", keys.toString(), manifest.toString(), report.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("VALID manifest").contains("1 file matches");
    }

    @Test
    void aManifestWhoseFileChangedExitsOne() throws IOException {
        Path report = Files.writeString(dir.resolve("report.json"), "{\"agents\":3}");
        Path manifest = manifestOver(report);
        Files.writeString(report, "{\"agents\":4}");

        assertThat(run("manifest", "--keys", keys.toString(), manifest.toString(), report.toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("report.json has SHA-256");
    }

    private Path manifestOver(Path file) throws IOException {
        Manifest manifest = new ManifestSigner(CHAIN.signer).sign("compliance report", BundleFiles.CLOCK.instant(),
                List.of(ManifestFile.of(file.getFileName().toString(), Files.readAllBytes(file))));
        return Files.writeString(dir.resolve("manifest.json"), AuditJson.write(AuditJson.toJson(manifest)));
    }

    private int run(String... args) {
        return OfflineVerifier.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
