package dev.symbiont.compliance.render;

import java.util.EnumMap;
import java.util.Map;

/** One renderer per format. */
public final class ReportRenderers {

    private final Map<ReportFormat, ReportRenderer> byFormat = new EnumMap<>(ReportFormat.class);

    public ReportRenderers() {
        register(new JsonReportRenderer());
        register(new CsvReportRenderer());
        register(new PdfReportRenderer());
    }

    public ReportRenderer forFormat(ReportFormat format) {
        return byFormat.get(format);
    }

    private void register(ReportRenderer renderer) {
        byFormat.put(renderer.format(), renderer);
    }
}
