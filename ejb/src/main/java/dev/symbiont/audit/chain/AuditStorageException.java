package dev.symbiont.audit.chain;

/** The trail's storage failed or is not what the chain says it must be; never a client error. */
public class AuditStorageException extends RuntimeException {

    public AuditStorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public AuditStorageException(String message) {
        super(message);
    }
}
