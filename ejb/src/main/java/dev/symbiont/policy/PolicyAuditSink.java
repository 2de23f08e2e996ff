package dev.symbiont.policy;

/**
 * Port: where every enforced policy decision goes. The audit issue replaces the logging adapter with the durable,
 * signed, hash-chained trail; enforcement points do not change.
 */
public interface PolicyAuditSink {

    void record(PolicyAuditRecord record);
}
