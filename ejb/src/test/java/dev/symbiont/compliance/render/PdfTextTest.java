package dev.symbiont.compliance.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PdfTextTest {

    private final PdfFont font = PdfFont.helvetica();

    @Test
    void keepsWhatWinAnsiCanShow() {
        assertThat(PdfText.sanitize("Café – 20 € “quoted” ™")).isEqualTo("Café – 20 € “quoted” ™");
    }

    @Test
    void replacesEachCharacterOutsideWinAnsiWithOneQuestionMark() {
        assertThat(PdfText.sanitize("agent 🤖 请求 Ωmega")).isEqualTo("agent ? ?? ?mega");
    }

    @Test
    void turnsControlCharactersAndLineBreaksIntoSpaces() {
        assertThat(PdfText.sanitize("a\tb\r\nc\u0000d")).isEqualTo("a b  c d");
        assertThat(PdfText.sanitize(null)).isEmpty();
    }

    @Test
    void wrapsAtSpacesWithinTheWidth() throws IOException {
        List<String> lines = PdfText.wrap("the agent asked for more memory than the rule allows", font, 8, 80, 10);

        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(String.join(" ", lines)).isEqualTo("the agent asked for more memory than the rule allows");
        for (String line : lines) {
            assertThat(font.width(line, 8)).isLessThanOrEqualTo(80);
        }
    }

    @Test
    void breaksAWordTooWideForTheColumnInsideIt() throws IOException {
        String hex = "4f1c2a9be07d3c5581f6a2b49d0e7c13a5b8f2e6d9c04b71e3a6f58d2c1b0e97";

        List<String> lines = PdfText.wrap(hex, font, 8, 100, 10);

        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(String.join("", lines)).isEqualTo(hex);
    }

    @Test
    void cutsAfterTheLastAllowedLineWithAnEllipsis() throws IOException {
        List<String> lines = PdfText.wrap("word ".repeat(200), font, 8, 60, 2);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).endsWith(PdfText.ELLIPSIS);
        assertThat(font.width(lines.get(1), 8)).isLessThanOrEqualTo(60);
    }

    @Test
    void emptyTextHasNoLines() throws IOException {
        assertThat(PdfText.wrap("", font, 8, 60, 2)).isEmpty();
        assertThat(PdfText.wrap(null, font, 8, 60, 2)).isEmpty();
    }
}
