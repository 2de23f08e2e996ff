package dev.symbiont.scheduler;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A task as a client submits it, before defaults are resolved against its agent.
 *
 * @param input          bytes for the task's standard input; null for none
 * @param idempotencyKey a retry with the same key for the same agent finds the first task instead of adding one
 * @param maxAttempts    how often a task interrupted by a server's death may be claimed; empty: the configured default
 */
public record TaskSubmission(TaskPriority priority, ResourceOverrides resources, byte[] input,
                             Optional<String> idempotencyKey, OptionalInt maxAttempts) {

    public TaskSubmission {
        priority = priority == null ? TaskPriority.NORMAL : priority;
        resources = resources == null ? ResourceOverrides.NONE : resources;
        input = input == null ? null : input.clone();
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(maxAttempts, "maxAttempts");
    }

    @Override
    public byte[] input() {
        return input == null ? null : input.clone();
    }

    public int inputSize() {
        return input == null ? 0 : input.length;
    }
}
