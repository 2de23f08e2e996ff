package dev.symbiont.audit.bundle;

import dev.symbiont.audit.format.ChainVerifier;
import dev.symbiont.audit.format.KeySet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.ZipFile;

/**
 * Verifies an audit bundle as FORMAT.md defines it: the manifest and its files, the hash chain and seals, the
 * checkpoint's signature and inclusion proofs, and its root when the bundle covers the whole tree.
 */
public final class BundleVerifier {

    private final KeySet keys;
    private final int maxFailures;

    public BundleVerifier(KeySet keys) {
        this(keys, ChainVerifier.DEFAULT_MAX_FAILURES);
    }

    public BundleVerifier(KeySet keys, int maxFailures) {
        this.keys = Objects.requireNonNull(keys, "keys");
        if (maxFailures < 0) {
            throw new IllegalArgumentException("maximum failures must not be negative: " + maxFailures);
        }
        this.maxFailures = maxFailures;
    }

    /**
     * A bundle whose content fails any check yields a report with failures; IOException only when the file cannot
     * be opened as a ZIP at all.
     */
    public BundleReport verify(Path bundle) throws IOException {
        try (ZipFile zip = new ZipFile(bundle.toFile(), StandardCharsets.UTF_8)) {
            return new BundleVerification(zip, keys, maxFailures).run();
        }
    }
}
