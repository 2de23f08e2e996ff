package dev.symbiont.compliance;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * The details of one audit event, read leniently: a missing or mistyped key is null, and text that is not a JSON
 * object reads as empty (and is counted) rather than failing a report over the whole period. Every text is clipped
 * to {@value #MAX_TEXT} characters, because details carry user input and the report keeps thousands of rows.
 */
final class EventDetails {

    static final int MAX_TEXT = 1_000;
    private static final EventDetails EMPTY = new EventDetails(JsonValue.EMPTY_JSON_OBJECT, true);

    private final JsonObject json;
    private final boolean readable;

    private EventDetails(JsonObject json, boolean readable) {
        this.json = json;
        this.readable = readable;
    }

    static EventDetails parse(JsonReaderFactory readers, String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        try (JsonReader reader = readers.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? new EventDetails(object, true)
                    : new EventDetails(JsonValue.EMPTY_JSON_OBJECT, false);
        } catch (JsonException | IllegalStateException malformed) {
            return new EventDetails(JsonValue.EMPTY_JSON_OBJECT, false);
        }
    }

    boolean readable() {
        return readable;
    }

    String text(String key) {
        return switch (json.get(key)) {
            case JsonString string -> clip(string.getString());
            case JsonNumber number -> number.toString();
            case null, default -> null;
        };
    }

    Long number(String key) {
        return json.get(key) instanceof JsonNumber number && number.isIntegral() ? number.longValue() : null;
    }

    EventDetails object(String key) {
        return json.get(key) instanceof JsonObject object ? new EventDetails(object, true) : EMPTY;
    }

    static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "\u2026";
    }
}
