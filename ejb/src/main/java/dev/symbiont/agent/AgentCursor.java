package dev.symbiont.agent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Keyset position (created_at, id) of the last agent of a page, exchanged with clients as an opaque token. */
public record AgentCursor(Instant createdAt, UUID id) {

    public String encode() {
        String raw = createdAt.getEpochSecond() + ":" + createdAt.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidCursorException for anything not produced by {@link #encode()} */
    public static AgentCursor decode(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = raw.split(":", 3);
            if (parts.length != 3) {
                throw new InvalidCursorException(token);
            }
            return new AgentCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    UUID.fromString(parts[2]));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new InvalidCursorException(token);
        }
    }

    public static class InvalidCursorException extends IllegalArgumentException {
        public InvalidCursorException(String token) {
            super("cursor '" + (token.length() > 64 ? token.substring(0, 64) + "..." : token)
                    + "' is not a cursor returned by this API");
        }
    }
}
