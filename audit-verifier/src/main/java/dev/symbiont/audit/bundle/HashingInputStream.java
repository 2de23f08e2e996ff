package dev.symbiont.audit.bundle;

import dev.symbiont.audit.format.Hashes;
import dev.symbiont.audit.format.ManifestFile;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/** Counts and hashes every byte read, so a bundle entry is checked against the manifest while it is parsed. */
final class HashingInputStream extends FilterInputStream {

    private final MessageDigest sha256 = Hashes.newSha256();
    private long count;

    HashingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            sha256.update((byte) b);
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            sha256.update(buffer, offset, n);
            count += n;
        }
        return n;
    }

    /** Skipped bytes are read, so they are hashed too. */
    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Reads what is left, then describes everything read. */
    ManifestFile drainAndDescribe(String name) throws IOException {
        while (skip(Long.MAX_VALUE) > 0) {
            // skip() reads and hashes
        }
        return new ManifestFile(name, count, sha256.digest());
    }
}
