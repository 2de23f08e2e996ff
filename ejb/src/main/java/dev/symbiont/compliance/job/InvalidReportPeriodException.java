package dev.symbiont.compliance.job;

import dev.symbiont.runtime.DomainException;

/** The period of a report request is not one a report can honestly cover. */
public class InvalidReportPeriodException extends DomainException {

    private final String field;

    public InvalidReportPeriodException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field at fault ({@code from} or {@code to}). */
    public String field() {
        return field;
    }
}
