package dev.symbiont.compliance.job;

import java.time.Instant;
import java.util.List;

/** A report request with how far its job has got and, once it succeeded, its files. */
public record ReportStatus(ReportRequest request, ReportState state, ReportPhase phase, int attempts,
                           Long eventsTotal, long eventsProcessed, Instant startedAt, Instant finishedAt,
                           String failure, List<StoredFile> files) {

    public ReportStatus {
        files = List.copyOf(files);
    }

    public int percentDone() {
        return phase.percent(eventsProcessed, eventsTotal);
    }

    public ReportStatus withFiles(List<StoredFile> stored) {
        return new ReportStatus(request, state, phase, attempts, eventsTotal, eventsProcessed, startedAt, finishedAt,
                failure, stored);
    }
}
