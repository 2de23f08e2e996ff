package dev.symbiont.compliance.render;

import java.io.IOException;
import java.util.Arrays;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A standard 14 font with its glyph widths cached: wrapping thousands of table cells measures every character,
 * and PDFBox looks each one up through the encoding and the font metrics. Only for text {@link PdfText#sanitize}
 * has passed, whose characters are all WinAnsi.
 */
final class PdfFont {

    /** The highest code point WinAnsiEncoding can show (U+2122, the trade mark sign). */
    private static final int MAX_CODE_POINT = 0x2122;

    private final PDFont font;
    private final float[] widths = new float[MAX_CODE_POINT + 1];

    private PdfFont(PDFont font) {
        this.font = font;
        Arrays.fill(widths, Float.NaN);
    }

    static PdfFont helvetica() {
        return new PdfFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA));
    }

    static PdfFont helveticaBold() {
        return new PdfFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD));
    }

    PDFont pdFont() {
        return font;
    }

    /** Width in points of sanitised {@code text} at {@code size}. */
    float width(String text, float size) throws IOException {
        float units = 0;
        for (int i = 0; i < text.length(); i++) {
            units += glyphWidth(text.charAt(i));
        }
        return units * size / 1000f;
    }

    float width(char character, float size) throws IOException {
        return glyphWidth(character) * size / 1000f;
    }

    private float glyphWidth(char character) throws IOException {
        if (character > MAX_CODE_POINT) {
            return font.getStringWidth(String.valueOf(character));
        }
        if (Float.isNaN(widths[character])) {
            widths[character] = font.getStringWidth(String.valueOf(character));
        }
        return widths[character];
    }
}
