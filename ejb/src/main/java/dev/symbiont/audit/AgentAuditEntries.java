package dev.symbiont.audit;

import dev.symbiont.agent.Agent;
import dev.symbiont.lifecycle.AgentState;
import dev.symbiont.lifecycle.LifecycleEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The audit events of an agent's not-yet-stored lifecycle events (creation, transitions, redefinition). */
public final class AgentAuditEntries {

    private AgentAuditEntries() {
    }

    public static List<AuditEntry> of(Agent agent) {
        return agent.pendingEvents().stream().map(event -> entry(agent, event)).toList();
    }

    private static AuditEntry entry(Agent agent, LifecycleEvent event) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", agent.definition().name());
        AuditEventType type = switch (event.kind()) {
            case CREATED -> AuditEventType.AGENT_CREATED;
            case DEFINITION_UPDATED -> AuditEventType.AGENT_REDEFINED;
            case TRANSITION -> event.to() == AgentState.TERMINATED
                    ? AuditEventType.AGENT_TERMINATED : AuditEventType.AGENT_TRANSITIONED;
        };
        details.put("from", event.from() == null ? null : event.from().name());
        details.put("to", event.to() == null ? null : event.to().name());
        details.put("reason", event.reason());
        return AuditEntry.of(type, event.occurredAt(), agent.id(), event.actor(), details);
    }
}
