package dev.symbiont.audit;

import dev.symbiont.policy.PolicyAuditRecord;
import dev.symbiont.policy.PolicyAuditSink;
import dev.symbiont.policy.PolicyCondition;
import dev.symbiont.policy.PolicyDecision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@link PolicyAuditSink} on the audit trail: every enforced decision becomes a policy.decision event. */
@ApplicationScoped
public class PolicyDecisionAuditor implements PolicyAuditSink {

    @Inject
    AuditTrail trail;

    @Override
    public void record(PolicyAuditRecord record) {
        AuditEntry entry = new AuditEntry(AuditEventType.POLICY_DECISION, record.at(), agentId(record),
                record.actor(), decisionName(record.decision()), details(record));
        if (record.decision().permits()) {
            trail.record(entry);
        } else {
            trail.recordRegardless(entry);
        }
    }

    static String decisionName(PolicyDecision decision) {
        return switch (decision) {
            case PolicyDecision.Allow a -> "allow";
            case PolicyDecision.Deny d -> "deny";
            case PolicyDecision.AllowWithConditions c -> "allow_with_conditions";
        };
    }

    private static Map<String, Object> details(PolicyAuditRecord record) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("action", record.action().documentName());
        details.put("matched_rules", record.matchedRules());
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("agent_name", record.subject().agentName());
        subject.put("role", record.subject().role());
        subject.put("resource", record.subject().resource());
        subject.put("capabilities", record.subject().capabilities().stream().sorted().toList());
        details.put("subject", subject);
        switch (record.decision()) {
            case PolicyDecision.Deny deny -> {
                details.put("reason", deny.reason());
                details.put("rule_id", deny.ruleId());
            }
            case PolicyDecision.AllowWithConditions conditional -> details.put("conditions",
                    conditional.conditions().stream().map(PolicyCondition::type).toList());
            case PolicyDecision.Allow allow -> { }
        }
        return details;
    }

    private static UUID agentId(PolicyAuditRecord record) {
        String id = record.subject().agentId();
        if (id == null) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnAgentId) {
            return null;
        }
    }
}
