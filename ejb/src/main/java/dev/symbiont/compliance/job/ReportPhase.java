package dev.symbiont.compliance.job;

import java.util.Locale;

/**
 * The step a report job is at. Reading the period's events is nearly all of the work on a large trail, so it
 * spans most of the percentage and advances with every event read; the steps around it have fixed weights.
 */
public enum ReportPhase {
    QUEUED(0), SEALING(1), COLLECTING(2), VERIFYING(90), RENDERING(95), DONE(100), FAILED(100);

    private static final int COLLECTING_SPAN = VERIFYING.start - COLLECTING.start;

    private final int start;

    ReportPhase(int start) {
        this.start = start;
    }

    /** Percent done, 0 to 100; only while collecting does it depend on the events read so far. */
    public int percent(long processed, Long total) {
        if (this != COLLECTING) {
            return start;
        }
        if (total == null || total == 0) {
            return start;
        }
        return start + (int) (COLLECTING_SPAN * ((double) Math.min(processed, total) / total));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReportPhase fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
