package dev.symbiont.compliance;

import java.util.ArrayList;
import java.util.List;

/** The first {@code cap} rows of a section, and a count of the rest. */
final class CappedRows<T> {

    private final int cap;
    private final List<T> rows = new ArrayList<>();
    private long omitted;

    CappedRows(int cap) {
        this.cap = cap;
    }

    /** Whether the next row would be kept; callers skip building rows that would only be counted. */
    boolean hasRoom() {
        return rows.size() < cap;
    }

    void add(T row) {
        if (hasRoom()) {
            rows.add(row);
        } else {
            omitted++;
        }
    }

    void skip() {
        omitted++;
    }

    ReportSection<T> section() {
        return new ReportSection<>(rows, omitted);
    }
}
