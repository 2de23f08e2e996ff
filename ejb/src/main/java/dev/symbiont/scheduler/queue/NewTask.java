package dev.symbiont.scheduler.queue;

import dev.symbiont.audit.format.Hashes;
import dev.symbiont.scheduler.ResourceRequest;
import dev.symbiont.scheduler.TaskPriority;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A task as submitted, before the queue stores it. Defaults are already resolved: an omitted resource request is
 * the agent's limits at submission.
 *
 * @param input          bytes for the task's standard input; null when it was submitted without any
 * @param idempotencyKey the submitter's key: a retry with the same key for the same agent finds this task again
 * @param maxAttempts    how many claims the restart rule allows before a task interrupted by a dead server fails
 */
public record NewTask(UUID id, UUID agentId, TaskPriority priority, ResourceRequest resources, byte[] input,
                      Optional<String> idempotencyKey, int maxAttempts, String submittedBy, Instant submittedAt) {

    /** The longest idempotency key the table holds. */
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

    public NewTask {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(submittedBy, "submittedBy");
        Objects.requireNonNull(submittedAt, "submittedAt");
        input = input == null ? null : input.clone();
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max_attempts must be at least 1, got " + maxAttempts);
        }
        idempotencyKey.ifPresent(key -> {
            if (key.isEmpty() || key.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
                throw new IllegalArgumentException("an idempotency key has 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH
                        + " characters, got " + key.length());
            }
        });
    }

    @Override
    public byte[] input() {
        return input == null ? null : input.clone();
    }

    public int inputSize() {
        return input == null ? 0 : input.length;
    }

    /** Lowercase hex SHA-256 of the input; of zero bytes when there is none, as the process then reads nothing. */
    public String inputSha256() {
        return Hashes.hex(Hashes.sha256(input == null ? new byte[0] : input));
    }

    /**
     * Lowercase hex SHA-256 of what was asked: agent, priority, resources, max attempts and input. A retry under the
     * same idempotency key must ask exactly this again. It hashes the resolved request, not the wire form, so a
     * retry that would now run differently (the agent's limits changed under an omitted request) counts as a
     * different request rather than silently standing for the first one.
     */
    public String requestSha256() {
        String canonical = String.join("\n", "symbiont agent task request v1", agentId.toString(), priority.label(),
                Integer.toString(resources.memoryMb()), Double.toString(resources.cpuCores()),
                Integer.toString(resources.diskIoMbps()), Integer.toString(resources.networkIoMbps()),
                Long.toString(resources.timeout().toMillis()), Integer.toString(maxAttempts),
                input == null ? "no input" : "input " + inputSha256());
        return Hashes.hex(Hashes.sha256(canonical.getBytes(StandardCharsets.UTF_8)));
    }
}
