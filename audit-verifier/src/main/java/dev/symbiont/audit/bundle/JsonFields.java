package dev.symbiont.audit.bundle;

import dev.symbiont.audit.format.Hashes;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/** Typed, strict access to the fields of FORMAT.md's JSON; every error names the field. */
final class JsonFields {

    private JsonFields() {
    }

    static String string(JsonObject json, String name) {
        JsonValue value = required(json, name);
        if (value instanceof JsonString s) {
            return s.getString();
        }
        throw wrongType(name, "a string", value);
    }

    /** Absent and null both mean "no value". */
    static String optionalString(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : string(json, name);
    }

    static long integer(JsonObject json, String name) {
        JsonValue value = required(json, name);
        if (value instanceof JsonNumber n) {
            try {
                return n.longValueExact();
            } catch (ArithmeticException e) {
                throw new AuditJsonException("field \"" + name + "\" must be an integer, was " + n, e);
            }
        }
        throw wrongType(name, "an integer", value);
    }

    static byte[] hash(JsonObject json, String name) {
        return hash(string(json, name), name);
    }

    static byte[] hash(String hex, String name) {
        try {
            return Hashes.hashFromHex(hex);
        } catch (IllegalArgumentException e) {
            throw new AuditJsonException("field \"" + name + "\" must be a 32-byte hash in hex: " + e.getMessage(), e);
        }
    }

    static byte[] base64(JsonObject json, String name) {
        try {
            return Base64.getDecoder().decode(string(json, name));
        } catch (IllegalArgumentException e) {
            throw new AuditJsonException("field \"" + name + "\" must be base64: " + e.getMessage(), e);
        }
    }

    static Instant instant(JsonObject json, String name) {
        String text = string(json, name);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new AuditJsonException("field \"" + name + "\" must be an ISO-8601 instant, was \"" + text + "\"", e);
        }
    }

    static Instant optionalInstant(JsonObject json, String name) {
        return optionalString(json, name) == null ? null : instant(json, name);
    }

    static UUID uuid(JsonObject json, String name) {
        String text = string(json, name);
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new AuditJsonException("field \"" + name + "\" must be a UUID, was \"" + text + "\"", e);
        }
    }

    static UUID optionalUuid(JsonObject json, String name) {
        return optionalString(json, name) == null ? null : uuid(json, name);
    }

    static JsonObject object(JsonObject json, String name) {
        JsonValue value = required(json, name);
        if (value instanceof JsonObject o) {
            return o;
        }
        throw wrongType(name, "an object", value);
    }

    static JsonArray array(JsonObject json, String name) {
        JsonValue value = required(json, name);
        if (value instanceof JsonArray a) {
            return a;
        }
        throw wrongType(name, "an array", value);
    }

    static JsonObject element(JsonArray array, int index, String name) {
        if (array.get(index) instanceof JsonObject o) {
            return o;
        }
        throw new AuditJsonException("\"" + name + "\"[" + index + "] must be an object");
    }

    static String stringElement(JsonArray array, int index, String name) {
        if (array.get(index) instanceof JsonString s) {
            return s.getString();
        }
        throw new AuditJsonException("\"" + name + "\"[" + index + "] must be a string");
    }

    private static JsonValue required(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw new AuditJsonException("field \"" + name + "\" is missing");
        }
        return value;
    }

    private static AuditJsonException wrongType(String name, String expected, JsonValue found) {
        return new AuditJsonException("field \"" + name + "\" must be " + expected + ", was "
                + found.getValueType().name().toLowerCase(Locale.ROOT));
    }
}
