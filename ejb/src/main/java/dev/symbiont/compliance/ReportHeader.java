package dev.symbiont.compliance;

import java.time.Instant;
import java.util.UUID;

/** Which report this is, under which framework, over which period, and who asked for it. */
public record ReportHeader(UUID reportId, String frameworkName, String frameworkTitle, ReportPeriod period,
                           Instant generatedAt, String requestedBy) {
}
