package dev.symbiont.scheduler;

import dev.symbiont.scheduler.queue.StoredTask;

/** A task was committed to the queue (a new submission); the scheduler takes it up after the commit. */
public record TaskQueued(StoredTask task) {
}
