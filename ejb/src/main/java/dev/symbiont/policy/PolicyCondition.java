package dev.symbiont.policy;

import dev.symbiont.agent.SandboxTierPreference;
import java.util.Set;
import java.util.TreeSet;

/**
 * An obligation attached to an allow: the enforcement point must honour it, or treat the decision as a deny
 * (fail closed). Conditions of the same kind from several rules merge to the strictest ({@link #mergeWith}).
 */
public sealed interface PolicyCondition {

    /** The kind's name in policy documents. */
    String type();

    /** The stricter combination of this condition and another of the same type. */
    PolicyCondition mergeWith(PolicyCondition other);

    /** Memory ceiling below the agent's own limit. */
    record MaxMemoryMb(int value) implements PolicyCondition {
        public String type() { return "max_memory_mb"; }
        public PolicyCondition mergeWith(PolicyCondition o) { return new MaxMemoryMb(Math.min(value, ((MaxMemoryMb) o).value)); }
    }

    /** CPU ceiling below the agent's own limit. */
    record MaxCpuCores(double value) implements PolicyCondition {
        public String type() { return "max_cpu_cores"; }
        public PolicyCondition mergeWith(PolicyCondition o) { return new MaxCpuCores(Math.min(value, ((MaxCpuCores) o).value)); }
    }

    /** The lowest sandbox tier allowed; policy can raise the tier, never lower it. */
    record MinimumSandboxTier(SandboxTierPreference tier) implements PolicyCondition {
        public String type() { return "minimum_sandbox_tier"; }
        public PolicyCondition mergeWith(PolicyCondition o) {
            var other = ((MinimumSandboxTier) o).tier;
            return other.compareTo(tier) > 0 ? o : this;
        }
    }

    /** At most this many operations per minute for the subject. */
    record RateLimit(int perMinute) implements PolicyCondition {
        public String type() { return "rate_limit"; }
        public PolicyCondition mergeWith(PolicyCondition o) { return new RateLimit(Math.min(perMinute, ((RateLimit) o).perMinute)); }
    }

    /** Fields to remove from data before it leaves the enforcement point. */
    record RedactFields(Set<String> fields) implements PolicyCondition {
        public RedactFields {
            fields = Set.copyOf(new TreeSet<>(fields));
        }
        public String type() { return "redact_fields"; }
        public PolicyCondition mergeWith(PolicyCondition o) {
            var union = new TreeSet<>(fields);
            union.addAll(((RedactFields) o).fields);
            return new RedactFields(union);
        }
    }

    /** How much the audit trail must record about the action. */
    record AuditLevel(Level level) implements PolicyCondition {
        public enum Level { STANDARD, DETAILED, FULL }
        public String type() { return "audit_level"; }
        public PolicyCondition mergeWith(PolicyCondition o) {
            return ((AuditLevel) o).level.compareTo(level) > 0 ? o : this;
        }
    }

    /** A human holding this role must approve before the action runs. */
    record RequireApproval(String role) implements PolicyCondition {
        public String type() { return "require_approval"; }
        public PolicyCondition mergeWith(PolicyCondition o) {
            // admin approval subsumes any other role's
            return "admin".equals(((RequireApproval) o).role) ? o : this;
        }
    }
}
