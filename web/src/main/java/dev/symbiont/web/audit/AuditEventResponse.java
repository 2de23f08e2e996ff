package dev.symbiont.web.audit;

import dev.symbiont.audit.AuditEvent;
import dev.symbiont.audit.AuditEvents;
import dev.symbiont.audit.format.ChainedEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import java.io.StringReader;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/** An audit event on the wire; {@code details} is the chained JSON, {@code hashes} only where the chain is shown. */
public record AuditEventResponse(long seq, UUID eventId, Instant occurredAt, UUID agentId, String eventType,
                                 String actor, String decision, JsonObject details, String prevHash,
                                 String chainHash) {

    /** One factory: {@code Json.createReader} looks the provider up again on every call (a page is 1,000 events). */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    public static AuditEventResponse of(AuditEvent event) {
        return new AuditEventResponse(event.seq(), event.eventId(), event.occurredAt(), event.agentId(),
                event.type().wireName(), event.actor(), event.decision(), parse(event.details()), null, null);
    }

    public static AuditEventResponse withHashes(ChainedEvent event) {
        AuditEventResponse plain = of(AuditEvents.fromChain(event));
        HexFormat hex = HexFormat.of();
        return new AuditEventResponse(plain.seq, plain.eventId, plain.occurredAt, plain.agentId, plain.eventType,
                plain.actor, plain.decision, plain.details, hex.formatHex(event.prevHash()),
                hex.formatHex(event.chainHash()));
    }

    private static JsonObject parse(String details) {
        try (var reader = READERS.createReader(new StringReader(details))) {
            return reader.readObject();
        }
    }
}
