package dev.symbiont.scheduler.queue;

/** What storing a submission did: the task is the new one, or the one an earlier submission with its key stored. */
public record TaskInsertion(StoredTask task, Outcome outcome) {

    public enum Outcome {
        /** Stored now (201 Created). */
        CREATED,
        /** Same idempotency key, same request: a retry, answered with the earlier task (200 OK). */
        REPLAYED,
        /** Same idempotency key, different request: the key was reused and nothing was stored (409 or 422). */
        KEY_REUSED
    }

    public boolean created() {
        return outcome == Outcome.CREATED;
    }
}
