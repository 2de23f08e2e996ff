package dev.symbiont.compliance.render;

/**
 * A table column: its header, its share of the table's width, and how many lines a cell may wrap to before it is
 * cut (ids and hashes need a few, free text is cut rather than letting one row fill a page).
 */
record PdfColumn(String header, float weight, int maxLines) {

    PdfColumn {
        if (weight <= 0 || maxLines < 1) {
            throw new IllegalArgumentException("a column needs a positive weight and at least one line");
        }
    }

    static PdfColumn of(String header, float weight) {
        return new PdfColumn(header, weight, 3);
    }
}
