package dev.symbiont.audit;

import dev.symbiont.runtime.DomainException;
import java.util.UUID;

/** No sealed audit event has this id. */
public class AuditEventNotFoundException extends DomainException {

    public AuditEventNotFoundException(UUID id) {
        super("audit event " + id + " does not exist");
    }
}
