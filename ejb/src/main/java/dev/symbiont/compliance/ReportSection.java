package dev.symbiont.compliance;

import java.util.List;

/**
 * A listed part of the report: its first rows in seq order and how many more there were. The cap keeps a report
 * over a busy year as small as one over a quiet week; the counts in the summary are never capped.
 */
public record ReportSection<T>(List<T> rows, long omittedRows) {

    public ReportSection {
        rows = List.copyOf(rows);
        if (omittedRows < 0) {
            throw new IllegalArgumentException("omittedRows must not be negative: " + omittedRows);
        }
    }

    public boolean truncated() {
        return omittedRows > 0;
    }

    public long totalRows() {
        return rows.size() + omittedRows;
    }
}
