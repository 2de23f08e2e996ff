package dev.symbiont.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;

/** Writing pending changes now, where a lost optimistic-lock race is translated at the persistence boundary. */
public final class Writes {

    private Writes() {
    }

    /**
     * Flushes the persistence context, so a conflict is reported here and not later at commit.
     *
     * @param what names the changed row in the exception, e.g. "agent 0190..."
     * @throws ConcurrentUpdateException when another transaction changed the row first
     */
    public static void flush(EntityManager em, String what) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentUpdateException(what + " was changed concurrently", e);
        }
    }
}
