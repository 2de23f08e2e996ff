package dev.symbiont.audit.format;

import java.util.Arrays;
import java.util.Objects;

/** One exported file as a manifest lists it. The hash array is not copied. */
public record ManifestFile(String name, long size, byte[] sha256) {

    public ManifestFile {
        Objects.requireNonNull(name, "name");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        Hashes.requireHash(sha256, "sha256");
    }

    /** The entry describing {@code content} under {@code name}. */
    public static ManifestFile of(String name, byte[] content) {
        return new ManifestFile(name, content.length, Hashes.sha256(content));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ManifestFile f && name.equals(f.name) && size == f.size && Arrays.equals(sha256, f.sha256);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, size) * 31 + Arrays.hashCode(sha256);
    }

    @Override
    public String toString() {
        return "ManifestFile[name=" + name + ", size=" + size + ", sha256=" + Hashes.hex(sha256) + "]";
    }
}
