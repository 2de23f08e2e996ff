package dev.symbiont.web.compliance;

import dev.symbiont.audit.AuditEventType;
import dev.symbiont.compliance.ComplianceCheck;
import dev.symbiont.compliance.ComplianceFramework;
import java.util.List;

/** A framework a report can be asked for: what it reads and what it checks. */
public record ComplianceFrameworkResponse(String name, String title, String description, List<String> eventTypes,
                                          List<Check> checks) {

    public record Check(String id, String title, String clause) {
    }

    static ComplianceFrameworkResponse of(ComplianceFramework framework) {
        return new ComplianceFrameworkResponse(framework.name(), framework.title(), framework.description(),
                framework.eventTypes().stream().map(AuditEventType::wireName).sorted().toList(),
                framework.checks().stream().map(ComplianceFrameworkResponse::check).toList());
    }

    private static Check check(ComplianceCheck check) {
        return new Check(check.id(), check.title(), check.clause());
    }
}
