package dev.symbiont.compliance;

import java.util.List;

/**
 * What verifying the audit trail found, handed to the report by whoever verified it (the builder does not verify:
 * that needs the whole chain and the signing keys). {@code firstSeq}/{@code lastSeq} bound the verified range and
 * are null when nothing was verified.
 */
public record IntegrityEvidence(boolean verified, long eventsVerified, Long firstSeq, Long lastSeq,
                                List<String> failures, List<CheckpointRoot> checkpoints) {

    public IntegrityEvidence {
        failures = failures == null ? List.of() : List.copyOf(failures);
        checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
        if (verified && !failures.isEmpty()) {
            throw new IllegalArgumentException("evidence cannot be verified and list failures: " + failures);
        }
        if ((firstSeq == null) != (lastSeq == null)) {
            throw new IllegalArgumentException("firstSeq and lastSeq are both set or both null");
        }
    }

    /** Whether the verified range holds every seq from {@code first} to {@code last}. */
    public boolean covers(long first, long last) {
        return firstSeq != null && firstSeq <= first && last <= lastSeq;
    }
}
