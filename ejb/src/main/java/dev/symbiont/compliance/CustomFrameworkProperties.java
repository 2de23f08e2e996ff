package dev.symbiont.compliance;

import dev.symbiont.audit.AuditEventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads custom frameworks from configuration properties:
 * <pre>
 * symbiont.compliance.custom.&lt;name&gt;.title=ACME internal controls
 * symbiont.compliance.custom.&lt;name&gt;.description=...                        (optional)
 * symbiont.compliance.custom.&lt;name&gt;.event-types=policy.decision,auth.failed
 * symbiont.compliance.custom.&lt;name&gt;.checks=denials-name-rule,failed-authentications-below-threshold
 * symbiont.compliance.custom.&lt;name&gt;.max-failed-authentications-per-hour=5  (optional, default 20)
 * symbiont.compliance.custom.&lt;name&gt;.clause.&lt;check id&gt;=ACME-SEC-4.2          (optional, default the title)
 * </pre>
 * Any mistake fails the whole configuration with the offending key named: a report under a silently half-read
 * framework would be worse than none.
 */
final class CustomFrameworkProperties {

    static final String PREFIX = "symbiont.compliance.custom.";
    private static final String CLAUSE = "clause.";
    private static final Set<String> ATTRIBUTES = Set.of("title", "description", "event-types", "checks",
            "max-failed-authentications-per-hour");

    private CustomFrameworkProperties() {
    }

    /** Every key a framework of this name may set: what to look up when the configuration cannot list its keys. */
    static List<String> possibleKeys(String name) {
        List<String> keys = new ArrayList<>();
        ATTRIBUTES.stream().sorted().forEach(attribute -> keys.add(key(name, attribute)));
        ComplianceChecks.ids().forEach(id -> keys.add(key(name, CLAUSE + id)));
        return keys;
    }

    static List<ComplianceFramework> parse(Map<String, String> properties) {
        Map<String, Map<String, String>> byFramework = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                String rest = key.substring(PREFIX.length());
                int dot = rest.indexOf('.');
                if (dot <= 0 || dot == rest.length() - 1) {
                    throw new IllegalArgumentException(key + ": expected " + PREFIX + "<name>.<attribute>");
                }
                String attribute = rest.substring(dot + 1);
                requireKnownAttribute(key, attribute);
                byFramework.computeIfAbsent(rest.substring(0, dot).toLowerCase(Locale.ROOT),
                        name -> new LinkedHashMap<>()).put(attribute, value == null ? "" : value.strip());
            }
        });
        List<ComplianceFramework> frameworks = new ArrayList<>();
        byFramework.forEach((name, attributes) -> frameworks.add(framework(name, attributes)));
        return frameworks;
    }

    private static void requireKnownAttribute(String key, String attribute) {
        if (!ATTRIBUTES.contains(attribute) && !attribute.startsWith(CLAUSE)) {
            throw new IllegalArgumentException(key + ": unknown attribute '" + attribute + "'; known: "
                    + String.join(", ", ATTRIBUTES.stream().sorted().toList()) + ", clause.<check id>");
        }
    }

    private static ComplianceFramework framework(String name, Map<String, String> attributes) {
        String title = required(name, attributes, "title");
        Set<AuditEventType> eventTypes = eventTypes(name, required(name, attributes, "event-types"));
        CheckSettings settings = settings(name, attributes.get("max-failed-authentications-per-hour"));
        List<String> checkIds = list(required(name, attributes, "checks"));
        requireClausesForListedChecks(name, attributes, checkIds);
        List<ComplianceCheck> checks = new ArrayList<>();
        for (String id : checkIds) {
            try {
                checks.add(ComplianceChecks.create(id, attributes.getOrDefault(CLAUSE + id, title), settings));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException(key(name, "checks") + ": " + unknown.getMessage(), unknown);
            }
        }
        String description = attributes.getOrDefault("description", "");
        try {
            return new ComplianceFramework(name, title, description, eventTypes, checks);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException(PREFIX + name + ": " + invalid.getMessage(), invalid);
        }
    }

    private static String required(String name, Map<String, String> attributes, String attribute) {
        String value = attributes.get(attribute);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key(name, attribute) + " is required for custom framework '"
                    + name + "'");
        }
        return value;
    }

    private static Set<AuditEventType> eventTypes(String name, String value) {
        Set<AuditEventType> types = EnumSet.noneOf(AuditEventType.class);
        for (String wireName : list(value)) {
            types.add(AuditEventType.fromWireName(wireName).orElseThrow(() -> new IllegalArgumentException(
                    key(name, "event-types") + ": unknown event type '" + wireName + "'; known: "
                            + String.join(", ", Arrays.stream(AuditEventType.values())
                            .map(AuditEventType::wireName).toList()))));
        }
        return types;
    }

    private static CheckSettings settings(String name, String maxPerHour) {
        if (maxPerHour == null) {
            return CheckSettings.DEFAULTS;
        }
        try {
            return new CheckSettings(Integer.parseInt(maxPerHour));
        } catch (IllegalArgumentException notANumber) {
            throw new IllegalArgumentException(key(name, "max-failed-authentications-per-hour")
                    + ": expected a whole number of 0 or more, got '" + maxPerHour + "'", notANumber);
        }
    }

    /** A clause for a check the framework does not list is a typo that would otherwise go unnoticed. */
    private static void requireClausesForListedChecks(String name, Map<String, String> attributes, List<String> ids) {
        for (String attribute : attributes.keySet()) {
            if (attribute.startsWith(CLAUSE) && !ids.contains(attribute.substring(CLAUSE.length()))) {
                throw new IllegalArgumentException(key(name, attribute) + ": the framework's checks do not list '"
                        + attribute.substring(CLAUSE.length()) + "'");
            }
        }
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    private static String key(String name, String attribute) {
        return PREFIX + name + "." + attribute;
    }
}
