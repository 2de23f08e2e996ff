package dev.symbiont.audit;

import dev.symbiont.audit.format.ChainedEvent;

/** Between the chain's form of an event and the readers' form. */
public final class AuditEvents {

    private AuditEvents() {
    }

    public static AuditEvent fromChain(ChainedEvent event) {
        AuditEventType type = AuditEventType.fromWireName(event.eventType()).orElseThrow(
                () -> new IllegalStateException("unknown audit event type in the chain: " + event.eventType()));
        return new AuditEvent(event.seq(), event.eventId(), event.occurredAt(), event.agentId(), type,
                event.actor(), event.decision(), event.details());
    }
}
