package dev.symbiont.audit;

import java.util.Arrays;
import java.util.Optional;

/** What an audit event records. The wire name is what the chain hashes and what clients filter by. */
public enum AuditEventType {
    AGENT_CREATED("agent.created"),
    AGENT_REDEFINED("agent.redefined"),
    AGENT_TRANSITIONED("agent.transitioned"),
    AGENT_TERMINATED("agent.terminated"),
    POLICY_DECISION("policy.decision"),
    POLICY_CREATED("policy.created"),
    POLICY_UPDATED("policy.updated"),
    POLICY_DELETED("policy.deleted"),
    API_KEY_ISSUED("apikey.issued"),
    API_KEY_REVOKED("apikey.revoked"),
    AUTHENTICATION_FAILED("auth.failed"),
    SIGNING_KEY_ROTATED("audit.key_rotated"),
    AUDIT_EXPORTED("audit.exported"),
    COMPLIANCE_REPORT_REQUESTED("compliance.report_requested"),
    SANDBOX_EXECUTION_STARTED("sandbox.execution_started"),
    SANDBOX_EXECUTION_ENDED("sandbox.execution_ended"),
    TASK_SUBMITTED("task.submitted"),
    TASK_STARTED("task.started"),
    TASK_PREEMPTED("task.preempted"),
    TASK_REQUEUED("task.requeued"),
    TASK_ENDED("task.ended");

    private final String wireName;

    AuditEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<AuditEventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
