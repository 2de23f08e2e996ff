package dev.symbiont.compliance.render;

import dev.symbiont.compliance.ComplianceReport;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a report in one format. Renderers stream to {@code out}, flush it and leave it open: the caller owns the
 * stream (a JAX-RS {@code StreamingOutput}, a file). They hold no per-report state and may be shared.
 */
public interface ReportRenderer {

    ReportFormat format();

    void render(ComplianceReport report, OutputStream out) throws IOException;
}
