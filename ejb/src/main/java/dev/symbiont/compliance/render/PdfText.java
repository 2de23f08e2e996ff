package dev.symbiont.compliance.render;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;
import org.apache.pdfbox.pdmodel.font.encoding.WinAnsiEncoding;

/**
 * Text made safe for the standard 14 fonts, and wrapped to a width. The report shows user input (agent names,
 * reasons); PDFBox refuses to show any character outside the font's encoding, so such characters become '?' and
 * control characters become spaces before anything is measured or drawn.
 */
final class PdfText {

    static final String ELLIPSIS = "\u2026";
    private static final BitSet SHOWABLE = showableCodePoints();

    private PdfText() {
    }

    static String sanitize(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
                    || Character.isSpaceChar(codePoint)) {
                safe.append(' ');
            } else {
                safe.append(SHOWABLE.get(codePoint) ? (char) codePoint : '?');
            }
        });
        return safe.toString();
    }

    /**
     * {@code text} sanitised and broken into lines no wider than {@code width}: at spaces where possible, inside a
     * word when the word alone is too wide (hashes, ids). More than {@code maxLines} lines are cut, the last one
     * ending in an ellipsis.
     */
    static List<String> wrap(String text, PdfFont font, float size, float width, int maxLines) throws IOException {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : sanitize(text).strip().split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.width(candidate, size) <= width) {
                line = candidate;
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line);
            }
            line = word;
            while (font.width(line, size) > width && lines.size() <= maxLines) {
                int fits = prefixThatFits(line, font, size, width);
                lines.add(line.substring(0, fits));
                line = line.substring(fits);
            }
            if (lines.size() > maxLines) {
                break;
            }
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        return lines.size() <= maxLines ? lines : cut(lines, font, size, width, maxLines);
    }

    private static int prefixThatFits(String word, PdfFont font, float size, float width) throws IOException {
        float used = 0;
        for (int i = 0; i < word.length(); i++) {
            used += font.width(word.charAt(i), size);
            if (used > width) {
                return Math.max(1, i);
            }
        }
        return word.length();
    }

    private static List<String> cut(List<String> lines, PdfFont font, float size, float width, int maxLines)
            throws IOException {
        List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
        String last = kept.get(maxLines - 1);
        while (!last.isEmpty() && font.width(last + ELLIPSIS, size) > width) {
            last = last.substring(0, last.length() - 1);
        }
        kept.set(maxLines - 1, last + ELLIPSIS);
        return kept;
    }

    /** The characters WinAnsiEncoding has a glyph name for and Helvetica can actually encode. */
    private static BitSet showableCodePoints() {
        PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        BitSet showable = new BitSet();
        for (String glyph : WinAnsiEncoding.INSTANCE.getNameToCodeMap().keySet()) {
            String unicode = GlyphList.getAdobeGlyphList().toUnicode(glyph);
            if (unicode != null && unicode.length() == 1 && !Character.isISOControl(unicode.charAt(0))
                    && encodable(helvetica, unicode)) {
                showable.set(unicode.charAt(0));
            }
        }
        return showable;
    }

    private static boolean encodable(PDType1Font font, String character) {
        try {
            font.encode(character);
            return true;
        } catch (IllegalArgumentException | IOException notInFont) {
            return false;
        }
    }
}
