package dev.symbiont.audit.bundle;

import dev.symbiont.audit.format.Ed25519;
import dev.symbiont.audit.format.Manifest;
import dev.symbiont.audit.format.ManifestFile;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/** Signs the manifest of an export (audit bundle, compliance report). */
public final class ManifestSigner {

    private final Ed25519.Signer signer;

    public ManifestSigner(Ed25519.Signer signer) {
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    /**
     * A manifest over {@code files} (see {@link ManifestFile#of}), in that order, signed as made at {@code createdAt}
     * truncated to the microsecond the format carries.
     */
    public Manifest sign(String subject, Instant createdAt, List<ManifestFile> files) {
        Instant at = createdAt.truncatedTo(ChronoUnit.MICROS);
        Manifest unsigned = new Manifest(Manifest.FORMAT, subject, at, signer.keyId(), files, new byte[0]);
        return new Manifest(Manifest.FORMAT, subject, at, signer.keyId(), files, signer.sign(unsigned.statement()));
    }
}
