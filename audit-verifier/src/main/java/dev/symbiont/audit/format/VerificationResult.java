package dev.symbiont.audit.format;

import java.util.List;
import java.util.Optional;

/**
 * What a chain verification found.
 *
 * @param valid             no failure at all (also when more failures occurred than were kept)
 * @param firstSeq          seq of the first event read, null when there was none
 * @param lastSeq           seq of the last event read, null when there was none
 * @param failures          in the order found, at most the verifier's maximum
 * @param failuresTruncated more failures occurred than {@code failures} holds
 */
public record VerificationResult(boolean valid, long eventsChecked, long sealsChecked, long checkpointsChecked,
                                 Long firstSeq, Long lastSeq, List<Failure> failures, boolean failuresTruncated) {

    public VerificationResult {
        failures = List.copyOf(failures);
    }

    public Optional<Failure> firstFailure() {
        return failures.stream().findFirst();
    }
}
