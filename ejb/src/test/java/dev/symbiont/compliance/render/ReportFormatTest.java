package dev.symbiont.compliance.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReportFormatTest {

    @Test
    void eachFormatHasItsMediaTypeAndExtension() {
        assertThat(ReportFormat.JSON.mediaType()).isEqualTo("application/json");
        assertThat(ReportFormat.CSV.mediaType()).isEqualTo("text/csv");
        assertThat(ReportFormat.PDF.mediaType()).isEqualTo("application/pdf");
        assertThat(ReportFormat.PDF.extension()).isEqualTo("pdf");
    }

    @Test
    void aFormatIsFoundByItsExtensionIgnoringCase() {
        assertThat(ReportFormat.fromExtension(" PDF ")).contains(ReportFormat.PDF);
        assertThat(ReportFormat.fromExtension("xlsx")).isEmpty();
        assertThat(ReportFormat.fromExtension(null)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void everyFormatHasARenderer(ReportFormat format) {
        assertThat(new ReportRenderers().forFormat(format).format()).isEqualTo(format);
    }
}
