package dev.symbiont.compliance;

import dev.symbiont.audit.AuditEventType;
import java.util.Comparator;
import java.util.Set;

/**
 * The verified trail is anchored by at least one signed checkpoint. A hash chain alone does not stop someone with
 * write access to the database from rewriting it consistently; a signed tree head does.
 */
public record SignedCheckpointCheck(String clause) implements ComplianceCheck {

    public static final String ID = "signed-checkpoint";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "audit trail anchored by a signed checkpoint";
    }

    @Override
    public Set<AuditEventType> requiredEventTypes() {
        return Set.of();
    }

    @Override
    public CheckResult evaluate(ComplianceFacts facts) {
        var checkpoints = facts.integrity().checkpoints();
        if (checkpoints.isEmpty()) {
            return CheckResult.of(this, false,
                    "no signed checkpoint: the hash chain alone cannot show the trail was not rewritten as a whole");
        }
        CheckpointRoot latest = checkpoints.stream().max(Comparator.comparingLong(CheckpointRoot::treeSize))
                .orElseThrow();
        return CheckResult.of(this, true, Wording.plural(checkpoints.size(), "signed checkpoint", "signed checkpoints")
                + "; latest: tree size " + Wording.grouped(latest.treeSize()) + " at " + latest.createdAt()
                + (latest.keyId() == null ? "" : ", key " + latest.keyId()));
    }
}
