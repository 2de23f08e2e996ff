package dev.symbiont.web.agent;

import dev.symbiont.lifecycle.AgentHistoryEntry;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AgentHistoryEntry", description = "One lifecycle event of an agent")
public record HistoryEntryResponse(long id,
                                   @Schema(enumeration = {"created", "transition", "definition_updated"}) String event,
                                   String fromState, String toState, String actor, String reason,
                                   Instant occurredAt, long revision) {

    static HistoryEntryResponse of(AgentHistoryEntry e) {
        return new HistoryEntryResponse(e.id(), e.kind().name().toLowerCase(),
                e.from() == null ? null : e.from().label(), e.to().label(), e.actor(), e.reason(), e.occurredAt(),
                e.agentRevision());
    }
}
