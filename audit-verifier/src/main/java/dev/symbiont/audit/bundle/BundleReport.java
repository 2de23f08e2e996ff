package dev.symbiont.audit.bundle;

import dev.symbiont.audit.format.Failure;
import dev.symbiont.audit.format.Manifest;
import dev.symbiont.audit.format.VerificationResult;
import java.util.List;
import java.util.Optional;

/**
 * What verifying an audit bundle found.
 *
 * @param manifest          the bundle's manifest, null when missing or unreadable
 * @param checkpoint        checkpoint.json, null when missing or unreadable
 * @param chain             the chain verification of the events and seals, null when they are missing
 * @param rootRecomputed    the checkpoint's root was recomputed from all its leaves (the bundle covers its tree)
 * @param failures          manifest failures first, then malformed input, the chain's, and the inclusion proofs'
 * @param failuresTruncated more failures occurred than {@code failures} holds
 */
public record BundleReport(boolean valid, Manifest manifest, CheckpointDocument checkpoint,
                           VerificationResult chain, boolean rootRecomputed, List<Failure> failures,
                           boolean failuresTruncated) {

    public BundleReport {
        failures = List.copyOf(failures);
    }

    public Optional<Failure> firstFailure() {
        return failures.stream().findFirst();
    }
}
