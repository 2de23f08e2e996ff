package dev.symbiont.policy;

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

    public StoredPolicy register(String document, String actor) {
        Policy policy = PolicyDocumentParser.parse(document);
        StoredPolicy stored = policies.write(policy, document, actor, null, true);
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
        changed.fire(new PolicyChanged(id));
        return stored;
    }

    public StoredPolicy delete(String id, String actor) {
        StoredPolicy deleted = policies.delete(id, actor);
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
}
