package dev.symbiont.web.compliance;

import dev.symbiont.compliance.job.ReportStatus;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A report request and its progress; {@code files} is filled once it has succeeded. */
public record ComplianceReportResponse(UUID id, String framework, Instant from, Instant to, String requestedBy,
                                       Instant requestedAt, String status, String phase, int percentDone,
                                       int attempts, Long eventsTotal, long eventsProcessed, Instant startedAt,
                                       Instant finishedAt, String failure, URI href,
                                       List<ReportFileResponse> files) {

    static ComplianceReportResponse of(ReportStatus report, URI href) {
        var request = report.request();
        return new ComplianceReportResponse(request.id(), request.framework(), request.period().from(),
                request.period().to(), request.requestedBy(), request.requestedAt(), report.state().label(),
                report.phase().label(), report.percentDone(), report.attempts(), report.eventsTotal(),
                report.eventsProcessed(), report.startedAt(), report.finishedAt(), report.failure(), href,
                report.files().stream().map(file -> ReportFileResponse.of(file, href)).toList());
    }
}
