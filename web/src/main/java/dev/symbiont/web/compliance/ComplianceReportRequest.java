package dev.symbiont.web.compliance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ComplianceReportRequest", description = "A report under one framework over [from, to)")
public record ComplianceReportRequest(
        @NotBlank @Size(max = 64) @Schema(examples = "hipaa", description = "hipaa, gdpr, sox or a configured name")
        String framework,
        @NotNull @Schema(description = "Start of the period, inclusive (RFC 3339)") Instant from,
        @NotNull @Schema(description = "End of the period, exclusive (RFC 3339); not after now") Instant to) {
}
