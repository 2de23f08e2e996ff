package dev.symbiont.compliance.job;

import dev.symbiont.runtime.DomainException;
import java.util.UUID;

/** No compliance report has this id. */
public class ReportNotFoundException extends DomainException {

    public ReportNotFoundException(UUID id) {
        super("no compliance report with id " + id);
    }
}
