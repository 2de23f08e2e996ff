package dev.symbiont.audit;

/**
 * Port: where actions put their audit events. {@link #record} joins the caller's transaction, so the event commits
 * or rolls back with the action it describes; {@link #recordRegardless} commits on its own, for outcomes that must
 * be kept although the caller's transaction rolls back (a policy denial, a failed authentication).
 */
public interface AuditTrail {

    void record(AuditEntry entry);

    void recordRegardless(AuditEntry entry);
}
