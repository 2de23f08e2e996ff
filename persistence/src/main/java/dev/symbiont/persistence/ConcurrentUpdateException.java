package dev.symbiont.persistence;

/** Another transaction changed the same row first (optimistic lock); the caller's change was not written. */
public class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException(String message, Throwable cause) {
        super(message, cause);
    }
}
