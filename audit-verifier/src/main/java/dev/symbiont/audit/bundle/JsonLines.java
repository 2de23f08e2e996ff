package dev.symbiont.audit.bundle;

import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The objects of a .jsonl entry, read one line at a time. A line that does not parse is reported with its number
 * and skipped, so one bad line does not hide the rest of the bundle.
 */
final class JsonLines<T> implements Iterator<T> {

    private final BufferedReader lines;
    private final String entryName;
    private final Function<JsonObject, T> read;
    private final Consumer<String> malformed;
    private long lineNumber;
    private T next;
    private boolean done;
    private boolean unreadable;

    JsonLines(InputStream in, String entryName, Function<JsonObject, T> read,
              Consumer<String> malformed) {
        this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.entryName = entryName;
        this.read = read;
        this.malformed = malformed;
    }

    /** The next object without consuming it; null at the end. */
    T peek() {
        advance();
        return next;
    }

    @Override
    public boolean hasNext() {
        advance();
        return next != null;
    }

    @Override
    public T next() {
        advance();
        if (next == null) {
            throw new NoSuchElementException(entryName + " has no more lines");
        }
        T item = next;
        next = null;
        return item;
    }

    private void advance() {
        while (next == null && !done) {
            String line = readLine();
            if (line == null) {
                done = true;
                return;
            }
            lineNumber++;
            if (line.isBlank()) {
                malformed.accept(entryName + " line " + lineNumber + " is empty");
                continue;
            }
            try {
                next = read.apply(AuditJson.parse(line));
            } catch (AuditJsonException e) {
                malformed.accept(entryName + " line " + lineNumber + ": " + e.getMessage());
            }
        }
    }

    /** A corrupt entry ends the stream where it breaks; what was read so far is still verified. */
    private String readLine() {
        try {
            return lines.readLine();
        } catch (IOException e) {
            unreadable = true;
            malformed.accept(entryName + " cannot be read" + (lineNumber == 0 ? "" : " past line " + lineNumber)
                    + ": " + e.getMessage());
            return null;
        }
    }

    boolean unreadable() {
        return unreadable;
    }
}
