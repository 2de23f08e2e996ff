package dev.symbiont.policy;

/**
 * Port: where every enforced policy decision goes. A permitting decision belongs to the action (it commits or rolls
 * back with it); a denial is the outcome itself and must be kept although the action's transaction rolls back.
 */
public interface PolicyAuditSink {

    void record(PolicyAuditRecord record);
}
