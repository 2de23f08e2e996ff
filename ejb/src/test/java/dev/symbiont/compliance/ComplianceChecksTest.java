package dev.symbiont.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symbiont.audit.AuditEventType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComplianceChecksTest {

    @Test
    void theCatalogCreatesEveryCheckItLists() {
        assertThat(ComplianceChecks.ids()).hasSize(6).doesNotHaveDuplicates().allSatisfy(id ->
                assertThat(ComplianceChecks.create(id, "clause", CheckSettings.DEFAULTS).id()).isEqualTo(id));
    }

    @Test
    void theCatalogRejectsAnUnknownIdListingTheKnownOnes() {
        assertThatThrownBy(() -> ComplianceChecks.create("nope", "c", CheckSettings.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown compliance check 'nope'; known: " + String.join(", ", ComplianceChecks.ids()));
    }

    @Test
    void theThresholdSettingReachesTheFailedAuthenticationsCheck() {
        ComplianceCheck check = ComplianceChecks.create(FailedAuthenticationsCheck.ID, "c", new CheckSettings(7));

        assertThat(check).isEqualTo(new FailedAuthenticationsCheck("c", 7));
        assertThat(check.title()).isEqualTo("failed authentications below threshold (at most 7 in any hour)");
    }

    @Test
    void aFrameworkCannotListOneCheckTwice() {
        assertThatThrownBy(() -> new ComplianceFramework("twice", "Twice", "", Set.of(AuditEventType.POLICY_DECISION),
                List.of(new DenialsNameRuleCheck("a"), new DenialsNameRuleCheck("b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("framework 'twice' lists check 'denials-name-rule' twice");
    }
}
