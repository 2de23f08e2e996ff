package dev.symbiont.web.audit;

import dev.symbiont.audit.format.Failure;
import dev.symbiont.audit.format.VerificationResult;
import java.util.List;
import java.util.UUID;

/** What verification found; {@code first_failure} names the first broken event exactly. */
public record VerificationResponse(boolean valid, long eventsChecked, long sealsChecked, long checkpointsChecked,
                                   Long firstSeq, Long lastSeq, FailureResponse firstFailure,
                                   List<FailureResponse> failures, boolean failuresTruncated) {

    public record FailureResponse(String kind, Long seq, UUID eventId, String message) {

        static FailureResponse of(Failure failure) {
            return new FailureResponse(failure.kind().name().toLowerCase(java.util.Locale.ROOT), failure.seq(),
                    failure.eventId(), failure.message());
        }
    }

    public static VerificationResponse of(VerificationResult result) {
        return new VerificationResponse(result.valid(), result.eventsChecked(), result.sealsChecked(),
                result.checkpointsChecked(), result.firstSeq(), result.lastSeq(),
                result.firstFailure().map(FailureResponse::of).orElse(null),
                result.failures().stream().map(FailureResponse::of).toList(), result.failuresTruncated());
    }
}
