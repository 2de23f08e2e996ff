package dev.symbiont.audit.bundle;

import dev.symbiont.audit.format.Hashes;
import dev.symbiont.audit.format.ManifestFile;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/** Counts and hashes what passes through to a ZIP entry, so the manifest needs no second pass; never closes it. */
final class HashingOutputStream extends FilterOutputStream {

    private final MessageDigest sha256 = Hashes.newSha256();
    private long count;

    HashingOutputStream(OutputStream entry) {
        super(entry);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        sha256.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        sha256.update(bytes, offset, length);
        count += length;
    }

    /** Flushes only: the ZIP stream goes on to the next entry. */
    @Override
    public void close() throws IOException {
        flush();
    }

    ManifestFile describe(String name) {
        return new ManifestFile(name, count, sha256.digest());
    }
}
