package dev.symbiont.compliance.render;

import java.io.IOException;
import java.io.Writer;

/**
 * RFC 4180 rows (CRLF, fields quoted when they hold a comma, quote, CR or LF, quotes doubled), with the OWASP
 * defence against formula injection: a cell a spreadsheet would read as a formula ({@code = + - @}, tab, CR at
 * the start) gets a leading single quote. Agent names and reasons are user input and auditors open these files
 * in spreadsheets.
 */
final class CsvWriter {

    private final Writer out;

    CsvWriter(Writer out) {
        this.out = out;
    }

    /** One row; null cells are empty, others are written as their {@code toString()}. */
    void row(Object... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(cells[i] == null ? "" : cells[i].toString()));
        }
        out.write("\r\n");
    }

    static String field(String value) {
        String safe = defused(value);
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\r') >= 0
                || safe.indexOf('\n') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static String defused(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
