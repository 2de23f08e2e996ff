package dev.symbiont.scheduler;

import java.util.UUID;

/** A waiting task was cancelled and the cancellation committed; the scheduler forgets it. */
public record TaskWithdrawn(UUID taskId) {
}
