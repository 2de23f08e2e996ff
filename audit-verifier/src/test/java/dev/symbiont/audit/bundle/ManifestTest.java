package dev.symbiont.audit.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.audit.fixtures.ChainFixture;
import dev.symbiont.audit.format.KeySet;
import dev.symbiont.audit.format.Manifest;
import dev.symbiont.audit.format.ManifestFile;
import dev.symbiont.audit.format.PublishedKey;
import dev.symbiont.audit.format.RawKeySigner;
import dev.symbiont.audit.format.SignatureCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {

    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    final RawKeySigner signer = ChainFixture.signerFrom("manifest test");
    final KeySet keys = KeySet.of(PublishedKey.of(signer.publicKey(), ChainFixture.T0, null));
    final Map<String, byte[]> files = new LinkedHashMap<>(Map.of(
            "report.pdf", "%PDF-1.7 ...".getBytes(StandardCharsets.UTF_8),
            "report.json", "{\"agents\":3}".getBytes(StandardCharsets.UTF_8)));
    final Manifest manifest = new ManifestSigner(signer).sign("compliance report 2026-11", NOW,
            files.entrySet().stream().map(f -> ManifestFile.of(f.getKey(), f.getValue())).toList());

    @Test
    void aSignedManifestVerifiesAgainstItsFiles() {
        ManifestCheck check = new ManifestVerifier(keys).verifyContents(manifest, files);

        assertThat(check.problems()).isEmpty();
        assertThat(check.signature()).isEqualTo(SignatureCheck.OK);
    }

    @Test
    void anAlteredFileIsNamed() {
        files.put("report.json", "{\"agents\":4}".getBytes(StandardCharsets.UTF_8));

        assertThat(new ManifestVerifier(keys).verifyContents(manifest, files).problems())
                .singleElement().asString().startsWith("report.json has SHA-256");
    }

    @Test
    void missingAndUnlistedFilesAreNamed() {
        files.remove("report.pdf");
        files.put("extra.txt", new byte[0]);

        assertThat(new ManifestVerifier(keys).verifyContents(manifest, files).problems()).containsExactlyInAnyOrder(
                "report.pdf is listed in the manifest but missing", "extra.txt is not listed in the manifest");
    }

    @Test
    void aManifestSignedByAnUnpublishedKeyFails() {
        Manifest forged = new ManifestSigner(ChainFixture.signerFrom("intruder")).sign(manifest.subject(), NOW,
                manifest.files());

        ManifestCheck check = new ManifestVerifier(keys).verifyContents(forged, files);

        assertThat(check.signature()).isEqualTo(SignatureCheck.UNKNOWN_KEY);
        assertThat(check.problems()).singleElement().asString().contains("not a published key");
    }

    @Test
    void aChangedSubjectBreaksTheSignature() {
        Manifest changed = new Manifest(manifest.format(), "something else", manifest.createdAt(), manifest.keyId(),
                manifest.files(), manifest.signature());

        assertThat(new ManifestVerifier(keys).verifyContents(changed, files).signature())
                .isEqualTo(SignatureCheck.BAD_SIGNATURE);
    }

    @Test
    void filesOnDiskAreMatchedByName(@TempDir Path dir) throws IOException {
        List<Path> paths = files.entrySet().stream().map(f -> write(dir.resolve(f.getKey()), f.getValue())).toList();

        assertThat(new ManifestVerifier(keys).verifyFiles(manifest, paths).valid()).isTrue();
        assertThat(ManifestVerifier.describe(paths.get(0))).isEqualTo(manifest.files().get(0));
    }

    static Path write(Path path, byte[] content) {
        try {
            return Files.write(path, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
