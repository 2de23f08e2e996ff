package dev.symbiont.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.audit.AuditEventType;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/** A one-check framework to judge crafted trails with, and the single result it gives. */
final class CheckFixtures {

    static final UUID AGENT = UUID.fromString("0195f3a0-0000-7000-8000-00000000a001");

    private CheckFixtures() {
    }

    static ComplianceFramework framework(ComplianceCheck check, AuditEventType... types) {
        return new ComplianceFramework("test", "Test framework", "", EnumSet.of(types[0], types), List.of(check));
    }

    static CheckResult only(ComplianceReport report) {
        assertThat(report.checks()).hasSize(1);
        return report.checks().getFirst();
    }
}
