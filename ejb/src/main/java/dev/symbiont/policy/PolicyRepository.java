package dev.symbiont.policy;

import java.util.List;
import java.util.Optional;

/** Port: where policies and their revisions are kept. Methods run in the caller's transaction. */
public interface PolicyRepository {

    Optional<StoredPolicy> findActive(String id);

    List<StoredPolicy> active();

    /**
     * Writes a new version of a policy, creating it or reviving a deleted id, and records the revision. Locks the
     * policy row, so concurrent writers of one id are serialized.
     *
     * @param expectedVersion the version the writer read, or null to replace whatever is there (or create)
     * @param mustBeNew       true for a creation: fails if an active policy has this id
     */
    StoredPolicy write(Policy policy, String document, String actor, Integer expectedVersion, boolean mustBeNew);

    /** Marks the policy deleted and records the revision. */
    StoredPolicy delete(String id, String actor);

    List<PolicyRevision> revisions(String id);
}
