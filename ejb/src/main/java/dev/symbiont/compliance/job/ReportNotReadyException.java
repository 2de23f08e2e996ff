package dev.symbiont.compliance.job;

import dev.symbiont.runtime.DomainException;
import java.util.UUID;

/** A download was asked for before the report succeeded (or after it failed: then it never will be). */
public class ReportNotReadyException extends DomainException {

    private final ReportState state;

    public ReportNotReadyException(UUID id, ReportState state, int percentDone) {
        super(state == ReportState.FAILED ? "compliance report " + id + " failed and has no files"
                : "compliance report " + id + " is " + state.label() + " (" + percentDone + "% done); "
                + "its files are available once it has succeeded");
        this.state = state;
    }

    public ReportState state() {
        return state;
    }
}
