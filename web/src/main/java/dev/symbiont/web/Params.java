package dev.symbiont.web;

import dev.symbiont.web.problem.ApiExceptions.InvalidParameter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Parsing of query, path and header values. JAX-RS would answer a query parameter it cannot convert with 404;
 * parsing here gives a 400 that names the parameter.
 */
public final class Params {

    private Params() {
    }

    public static int integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) {
                throw new InvalidParameter(name, name + " must be between " + min + " and " + max + ", was " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InvalidParameter(name, name + " must be an integer, was '" + clip(value) + "'");
        }
    }

    public static long nonNegativeLong(String name, String value, long defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed < 0) {
                throw new InvalidParameter(name, name + " must not be negative");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InvalidParameter(name, name + " must be an integer, was '" + clip(value) + "'");
        }
    }

    /** An ISO-8601 instant such as 2026-11-24T10:00:00Z; null when absent. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(name, name + " must be an ISO-8601 instant such as 2026-11-24T10:00:00Z, was '"
                    + clip(value) + "'");
        }
    }

    public static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidParameter(name, name + " must be a UUID, was '" + clip(String.valueOf(value)) + "'");
        }
    }

    /** An If-Match header carrying a revision ETag ("5" or W/"5"); null when absent or "*". */
    public static Long ifMatchRevision(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String tag = header.strip().replaceFirst("^W/", "");
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new InvalidParameter("If-Match", "If-Match must be an ETag returned by this API, such as \"3\"");
        }
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                allowed.append(allowed.isEmpty() ? "" : ", ").append(constant.name().toLowerCase());
            }
            throw new InvalidParameter(name, name + " must be one of " + allowed + ", was '" + clip(value) + "'");
        }
    }

    private static String clip(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "..." : value;
    }
}
