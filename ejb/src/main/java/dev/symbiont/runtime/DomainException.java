package dev.symbiont.runtime;

/**
 * Base of the exceptions that are part of the runtime's contract: a rule said no (not found, illegal transition,
 * stale revision...). META-INF/ejb-jar.xml declares it, and so every subclass, an application exception: the
 * container rolls the transaction back and hands the exception to the caller unchanged, without reporting an
 * incident, because it is an answer and not a failure.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }

    protected DomainException(String message, Throwable cause) {
        super(message, cause);
    }
}
