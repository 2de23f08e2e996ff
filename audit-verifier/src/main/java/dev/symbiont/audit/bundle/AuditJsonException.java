package dev.symbiont.audit.bundle;

/** JSON that is not what FORMAT.md describes: a missing field, a wrong type, a malformed hash or instant. */
public class AuditJsonException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public AuditJsonException(String message) {
        super(message);
    }

    public AuditJsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
