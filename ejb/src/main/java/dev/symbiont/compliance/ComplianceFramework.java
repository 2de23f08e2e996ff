package dev.symbiont.compliance;

import dev.symbiont.audit.AuditEventType;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A regulation as a report sees it: the event types that evidence it and the checks it asks for. The name is the
 * lower-case handle clients use ({@code hipaa}); the title is what a reader sees.
 */
public record ComplianceFramework(String name, String title, String description, Set<AuditEventType> eventTypes,
                                  List<ComplianceCheck> checks) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public ComplianceFramework {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("framework name '" + name + "' must be lower-case letters, digits"
                    + " and '-', starting with a letter or digit");
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("framework '" + name + "' has no title");
        }
        if (eventTypes == null || eventTypes.isEmpty()) {
            throw new IllegalArgumentException("framework '" + name + "' lists no event types");
        }
        eventTypes = Collections.unmodifiableSet(EnumSet.copyOf(eventTypes));
        checks = List.copyOf(checks);
        requireUsableChecks(name, eventTypes, checks);
    }

    private static void requireUsableChecks(String name, Set<AuditEventType> eventTypes, List<ComplianceCheck> checks) {
        Set<String> seen = new HashSet<>();
        for (ComplianceCheck check : checks) {
            if (!seen.add(check.id())) {
                throw new IllegalArgumentException("framework '" + name + "' lists check '" + check.id() + "' twice");
            }
            Set<AuditEventType> missing = EnumSet.noneOf(AuditEventType.class);
            missing.addAll(check.requiredEventTypes());
            missing.removeAll(eventTypes);
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("framework '" + name + "': check '" + check.id() + "' judges "
                        + String.join(", ", missing.stream().map(AuditEventType::wireName).toList())
                        + " events, which the framework does not collect");
            }
        }
    }
}
