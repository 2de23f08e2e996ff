package dev.symbiont.audit.format;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A signed list of exported files with their sizes and SHA-256 (FORMAT.md, Manifests). */
public record Manifest(String format, String subject, Instant createdAt, String keyId, List<ManifestFile> files,
                       byte[] signature) {

    /** The only format this version writes and accepts. */
    public static final String FORMAT = AuditEncoding.MANIFEST_TAG;

    public Manifest {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(subject, "subject");
        AuditEncoding.micros(Objects.requireNonNull(createdAt, "createdAt"));
        Objects.requireNonNull(keyId, "keyId");
        files = List.copyOf(files);
        Objects.requireNonNull(signature, "signature");
    }

    /** The signed bytes: manifest_statement of FORMAT.md. */
    public byte[] statement() {
        return AuditEncoding.manifestStatement(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Manifest m
                && format.equals(m.format)
                && subject.equals(m.subject)
                && createdAt.equals(m.createdAt)
                && keyId.equals(m.keyId)
                && files.equals(m.files)
                && Arrays.equals(signature, m.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, subject, createdAt, keyId, files) * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "Manifest[format=" + format + ", subject=" + subject + ", createdAt=" + createdAt + ", keyId=" + keyId
                + ", files=" + files + ", signature=" + Hashes.hex(signature) + "]";
    }
}
