package dev.symbiont.policy.document;

import dev.symbiont.agent.SandboxTierPreference;
import dev.symbiont.policy.PolicyCondition;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.BiConsumer;

/** Reads one typed condition: {"type": "max_memory_mb", "value": 1024}, {"type": "redact_fields", "fields": [...]}. */
final class ConditionReader {

    private ConditionReader() {
    }

    static PolicyCondition read(JsonValue value, String path, BiConsumer<String, String> violation) {
        if (!(value instanceof JsonObject o) || !(o.get("type") instanceof JsonString typeValue)) {
            violation.accept(path, "must be an object with a string \"type\"");
            return null;
        }
        String type = typeValue.getString();
        return switch (type) {
            case "max_memory_mb" -> positiveInt(o, path, violation) instanceof Integer v
                    ? new PolicyCondition.MaxMemoryMb(v) : null;
            case "max_cpu_cores" -> positiveNumber(o, path, violation) instanceof Double v
                    ? new PolicyCondition.MaxCpuCores(v) : null;
            case "rate_limit" -> positiveInt(o, path, violation) instanceof Integer v
                    ? new PolicyCondition.RateLimit(v) : null;
            case "minimum_sandbox_tier" -> tier(o, path, violation);
            case "redact_fields" -> redact(o, path, violation);
            case "audit_level" -> auditLevel(o, path, violation);
            case "require_approval" -> approval(o, path, violation);
            default -> {
                violation.accept(path + ".type", "unknown condition '" + type + "'; known: max_memory_mb, "
                        + "max_cpu_cores, rate_limit, minimum_sandbox_tier, redact_fields, audit_level, "
                        + "require_approval");
                yield null;
            }
        };
    }

    private static Integer positiveInt(JsonObject o, String path, BiConsumer<String, String> violation) {
        if (o.get("value") instanceof JsonNumber n && n.isIntegral() && n.longValue() > 0
                && n.longValue() <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        violation.accept(path + ".value", "must be a positive whole number");
        return null;
    }

    private static Double positiveNumber(JsonObject o, String path, BiConsumer<String, String> violation) {
        if (o.get("value") instanceof JsonNumber n && n.doubleValue() > 0) {
            return n.doubleValue();
        }
        violation.accept(path + ".value", "must be a positive number");
        return null;
    }

    private static PolicyCondition tier(JsonObject o, String path, BiConsumer<String, String> violation) {
        if (o.get("value") instanceof JsonString s && (s.getString().equals("tier1") || s.getString().equals("tier2"))) {
            return new PolicyCondition.MinimumSandboxTier(SandboxTierPreference.valueOf(s.getString().toUpperCase()));
        }
        violation.accept(path + ".value", "must be tier1 or tier2");
        return null;
    }

    private static PolicyCondition redact(JsonObject o, String path, BiConsumer<String, String> violation) {
        if (o.get("fields") instanceof JsonArray a && !a.isEmpty()) {
            Set<String> fields = new LinkedHashSet<>();
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i) instanceof JsonString s && !s.getString().isBlank()) {
                    fields.add(s.getString());
                } else {
                    violation.accept(path + ".fields[" + i + "]", "must be a non-empty string");
                }
            }
            return new PolicyCondition.RedactFields(fields);
        }
        violation.accept(path + ".fields", "must be a non-empty array of field names");
        return null;
    }

    private static PolicyCondition auditLevel(JsonObject o, String path, BiConsumer<String, String> violation) {
        if (o.get("value") instanceof JsonString s) {
            for (var level : PolicyCondition.AuditLevel.Level.values()) {
                if (level.name().equalsIgnoreCase(s.getString())) {
                    return new PolicyCondition.AuditLevel(level);
                }
            }
        }
        violation.accept(path + ".value", "must be one of standard, detailed, full");
        return null;
    }

    private static PolicyCondition approval(JsonObject o, String path, BiConsumer<String, String> violation) {
        if (o.get("role") instanceof JsonString s && Set.of("admin", "operator").contains(s.getString())) {
            return new PolicyCondition.RequireApproval(s.getString());
        }
        violation.accept(path + ".role", "must be admin or operator");
        return null;
    }
}
