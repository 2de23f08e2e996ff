package dev.symbiont.compliance.job;

import java.util.Locale;

/** Where a report request stands. QUEUED and RUNNING are picked up again after a restart; the others are final. */
public enum ReportState {
    QUEUED, RUNNING, SUCCEEDED, FAILED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
