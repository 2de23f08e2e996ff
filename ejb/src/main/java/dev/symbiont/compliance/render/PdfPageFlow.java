package dev.symbiont.compliance.render;

import java.awt.Color;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Flows blocks of text and tables down A4 landscape pages, starting a new page when the next block or table row
 * does not fit (table headers repeat on it), and numbers the pages once the count is known.
 */
final class PdfPageFlow implements Closeable {

    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 36;
    private static final float BOTTOM = 50;
    private static final float FOOTER_BASELINE = 24;
    private static final float BODY_SIZE = 7.5f;
    private static final float FOOTER_SIZE = 7;
    private static final float LEADING = 10;
    private static final float CELL_PADDING = 3;
    private static final Color HEADER_FILL = new Color(225, 228, 235);
    private static final Color RULE = new Color(190, 190, 190);

    private final PDDocument document;
    private final PdfFont regular = PdfFont.helvetica();
    private final PdfFont bold = PdfFont.helveticaBold();
    private PDPageContentStream content;
    private float y;

    PdfPageFlow(PDDocument document) throws IOException {
        this.document = document;
        newPage();
    }

    float width() {
        return PAGE.getWidth() - 2 * MARGIN;
    }

    void title(String text) throws IOException {
        block(text, bold, 18, 22, 4);
        y -= 6;
    }

    /** A section heading, moved to the next page with what follows when fewer than three lines fit under it. */
    void heading(String text) throws IOException {
        if (y - 16 - 3 * (LEADING + 2 * CELL_PADDING) < BOTTOM) {
            newPage();
        }
        y -= 8;
        block(text, bold, 12, 16, 2);
        y -= 2;
    }

    void paragraph(String text) throws IOException {
        block(text, regular, BODY_SIZE, LEADING, 20);
        y -= 4;
    }

    /** A table whose header row repeats on every page it spans; without column headers, a plain grid. */
    void table(List<PdfColumn> columns, List<List<String>> rows) throws IOException {
        float[] widths = columnWidths(columns);
        List<String> headers = columns.stream().map(PdfColumn::header).toList();
        List<List<String>> header = headers.stream().allMatch(String::isEmpty) ? null
                : wrapCells(columns, widths, headers, bold);
        // a header alone at the foot of a page would be separated from its rows
        if (header != null && y - rowHeight(header) - (LEADING + 2 * CELL_PADDING) < BOTTOM) {
            newPage();
        }
        drawHeader(widths, header);
        for (List<String> cells : rows) {
            List<List<String>> wrapped = wrapCells(columns, widths, cells, regular);
            if (y - rowHeight(wrapped) < BOTTOM) {
                newPage();
                drawHeader(widths, header);
            }
            drawRow(widths, wrapped, regular, false);
        }
        y -= 6;
    }

    private void drawHeader(float[] widths, List<List<String>> header) throws IOException {
        if (header != null) {
            drawRow(widths, header, bold, true);
        }
    }

    /** Ends the last page and writes "page n of m" and {@code label} into every page's footer. */
    void finish(String label) throws IOException {
        close();
        int total = document.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                String pageOf = "page " + (i + 1) + " of " + total;
                float pageOfWidth = regular.width(pageOf, FOOTER_SIZE);
                for (String line : PdfText.wrap(label, regular, FOOTER_SIZE, width() - pageOfWidth - 20, 1)) {
                    text(footer, regular, FOOTER_SIZE, MARGIN, FOOTER_BASELINE, line);
                }
                text(footer, regular, FOOTER_SIZE, PAGE.getWidth() - MARGIN - pageOfWidth, FOOTER_BASELINE, pageOf);
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }

    private void block(String text, PdfFont font, float size, float leading, int maxLines) throws IOException {
        for (String line : PdfText.wrap(text, font, size, width(), maxLines)) {
            if (y - leading < BOTTOM) {
                newPage();
            }
            y -= leading;
            text(content, font, size, MARGIN, y + (leading - size), line);
        }
    }

    private float[] columnWidths(List<PdfColumn> columns) {
        float weights = (float) columns.stream().mapToDouble(PdfColumn::weight).sum();
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width() * columns.get(i).weight() / weights;
        }
        return widths;
    }

    private void drawRow(float[] widths, List<List<String>> wrapped, PdfFont font, boolean header)
            throws IOException {
        float height = rowHeight(wrapped);
        if (header) {
            content.setNonStrokingColor(HEADER_FILL);
            content.addRect(MARGIN, y - height, width(), height);
            content.fill();
            content.setNonStrokingColor(Color.BLACK);
        }
        float x = MARGIN;
        for (int column = 0; column < wrapped.size(); column++) {
            List<String> lines = wrapped.get(column);
            for (int line = 0; line < lines.size(); line++) {
                float baseline = y - CELL_PADDING - BODY_SIZE - line * LEADING + 1;
                text(content, font, BODY_SIZE, x + CELL_PADDING, baseline, lines.get(line));
            }
            x += widths[column];
        }
        y -= height;
        content.setStrokingColor(RULE);
        content.setLineWidth(0.4f);
        content.moveTo(MARGIN, y);
        content.lineTo(MARGIN + width(), y);
        content.stroke();
    }

    private static List<List<String>> wrapCells(List<PdfColumn> columns, float[] widths, List<String> cells,
                                                PdfFont font) throws IOException {
        List<List<String>> wrapped = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            String cell = i < cells.size() ? cells.get(i) : "";
            wrapped.add(PdfText.wrap(cell, font, BODY_SIZE, widths[i] - 2 * CELL_PADDING, columns.get(i).maxLines()));
        }
        return wrapped;
    }

    private static float rowHeight(List<List<String>> wrapped) {
        int lines = Math.max(1, wrapped.stream().mapToInt(List::size).max().orElse(1));
        return lines * LEADING + 2 * CELL_PADDING;
    }

    private void newPage() throws IOException {
        close();
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PAGE.getHeight() - MARGIN;
    }

    private static void text(PDPageContentStream stream, PdfFont font, float size, float x, float baseline,
                             String sanitized) throws IOException {
        if (sanitized.isEmpty()) {
            return;
        }
        stream.beginText();
        stream.setFont(font.pdFont(), size);
        stream.newLineAtOffset(x, baseline);
        stream.showText(sanitized);
        stream.endText();
    }
}
