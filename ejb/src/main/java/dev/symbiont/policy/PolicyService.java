package dev.symbiont.policy;

import dev.symbiont.audit.AuditEntry;
import dev.symbiont.audit.AuditEventType;
import dev.symbiont.audit.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.symbiont.policy.document.InvalidPolicyException;
import dev.symbiont.policy.document.PolicyDocumentParser;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Registering, replacing and deleting policies. Each change is validated as a whole, stored as a new version
 * with a revision record, and announced ({@link PolicyChanged}) so the engine swaps in a new snapshot once the
 * transaction has committed.
 */
@Stateless
public class PolicyService {

    @Inject
    PolicyRepository policies;

    @Inject
    Event<PolicyChanged> changed;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public StoredPolicy register(String document, String actor) {
        Policy policy = PolicyDocumentParser.parse(document);
        StoredPolicy stored = policies.write(policy, document, actor, null, true);
        audit.record(changeEntry(AuditEventType.POLICY_CREATED, stored, stored.updatedAt(), actor));
        changed.fire(new PolicyChanged(stored.id()));
        return stored;
    }

    public StoredPolicy replace(String id, String document, String actor, Integer expectedVersion) {
        Policy policy = PolicyDocumentParser.parse(document);
        if (!policy.id().equals(id)) {
            throw new InvalidPolicyException(List.of(new InvalidPolicyException.Violation("$.id",
                    "is '" + policy.id() + "' but the request replaces policy '" + id + "'")));
        }
        StoredPolicy stored = policies.write(policy, document, actor, expectedVersion, false);
        audit.record(changeEntry(AuditEventType.POLICY_UPDATED, stored, stored.updatedAt(), actor));
        changed.fire(new PolicyChanged(id));
        return stored;
    }

    public StoredPolicy delete(String id, String actor) {
        StoredPolicy deleted = policies.delete(id, actor);
        audit.record(changeEntry(AuditEventType.POLICY_DELETED, deleted, clock.instant(), actor));
        changed.fire(new PolicyChanged(id));
        return deleted;
    }

    public StoredPolicy get(String id) {
        return policies.findActive(id).orElseThrow(() -> new PolicyNotFoundException(id));
    }

    public List<StoredPolicy> list() {
        return policies.active();
    }

    public List<PolicyRevision> revisions(String id) {
        List<PolicyRevision> revisions = policies.revisions(id);
        if (revisions.isEmpty()) {
            throw new PolicyNotFoundException(id);
        }
        return revisions;
    }

    /** Every active policy, parsed: what the engine compiles. */
    public List<Policy> activePolicies() {
        return policies.active().stream().map(p -> PolicyDocumentParser.parse(p.document())).toList();
    }

    private static AuditEntry changeEntry(AuditEventType type, StoredPolicy policy, Instant at, String actor) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("policy_id", policy.id());
        details.put("name", policy.id());
        details.put("version", policy.version());
        details.put("rule_count", policy.ruleCount());
        details.put("description", policy.description());
        return AuditEntry.of(type, at, null, actor, details);
    }
}
