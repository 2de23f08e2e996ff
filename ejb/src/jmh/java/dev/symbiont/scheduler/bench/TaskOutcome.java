package dev.symbiont.scheduler.bench;

import dev.symbiont.sandbox.ExecutionResult;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How one task of a batch went, on the benchmark's clock ({@link System#nanoTime}).
 *
 * @param decidedNanos   when the core's Start decision for it came out of a pass
 * @param requestedNanos when its thread asked the sandbox to run it
 * @param returnedNanos  when the sandbox returned (container removed) or failed
 * @param failure        what the sandbox threw, if it did
 */
record TaskOutcome(int index, long decidedNanos, long requestedNanos, long returnedNanos,
                   Optional<ExecutionResult> result, Optional<String> failure) {

    /** When its first output byte arrived, if it wrote any. */
    OptionalLong firstOutputNanos() {
        return result.flatMap(ExecutionResult::firstOutput)
                .map(d -> OptionalLong.of(requestedNanos + d.toNanos())).orElse(OptionalLong.empty());
    }

    /** Why it does not count as a task that ran as meant, if it does not. */
    Optional<String> problem(String expectedStdout) {
        if (failure.isPresent()) {
            return failure;
        }
        ExecutionResult r = result.orElseThrow();
        if (!r.succeeded() || !r.stdout().text().equals(expectedStdout)) {
            return Optional.of(r.termination() + ", exit " + r.exitCode() + ", stdout '" + r.stdout().text().strip()
                    + "', stderr '" + r.stderr().text().strip() + "'");
        }
        return Optional.empty();
    }
}
