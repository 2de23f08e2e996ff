package dev.symbiont.compliance.job;

import dev.symbiont.compliance.ReportPeriod;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** What a client asked for: a report under one framework over one period. */
public record ReportRequest(UUID id, String framework, ReportPeriod period, String requestedBy, Instant requestedAt) {

    public ReportRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
