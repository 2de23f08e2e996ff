package dev.symbiont.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symbiont.audit.AuditEventType;
import dev.symbiont.runtime.DomainException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ComplianceFrameworksTest {

    private static final String ACME = "symbiont.compliance.custom.acme.";

    static Stream<ComplianceFramework> builtIns() {
        return Stream.of(ComplianceFrameworks.HIPAA, ComplianceFrameworks.GDPR, ComplianceFrameworks.SOX);
    }

    @Test
    void theBuiltInFrameworksAreHipaaGdprAndSox() {
        assertThat(ComplianceFrameworks.builtIn().names()).containsExactly("hipaa", "gdpr", "sox");
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void eachBuiltInAsksForThreeToFiveChecksEachCitingAClause(ComplianceFramework framework) {
        assertThat(framework.checks()).hasSizeBetween(3, 5)
                .allSatisfy(check -> assertThat(check.clause()).isNotBlank());
        assertThat(framework.title()).isNotBlank();
        assertThat(framework.description()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void eachBuiltInCollectsTheEventTypesItsChecksJudge(ComplianceFramework framework) {
        framework.checks().forEach(check ->
                assertThat(framework.eventTypes()).containsAll(check.requiredEventTypes()));
    }

    @Test
    void hipaaCitesTheAuditControlsAccessControlAndLogInMonitoringClauses() {
        Map<String, String> clauses = ComplianceFrameworks.HIPAA.checks().stream()
                .collect(Collectors.toMap(ComplianceCheck::id, ComplianceCheck::clause));

        assertThat(clauses).containsEntry(AuditTrailIntegrityCheck.ID,
                        "45 CFR 164.312(b) audit controls; 164.312(c)(1) integrity")
                .containsEntry(DenialsNameRuleCheck.ID, "45 CFR 164.312(a)(1) access control");
        assertThat(clauses.get(FailedAuthenticationsCheck.ID)).contains("164.308(a)(1)(ii)(D)")
                .contains("164.308(a)(5)(ii)(C) log-in monitoring");
    }

    @Test
    void lookupIgnoresCaseAndSurroundingSpace() {
        assertThat(ComplianceFrameworks.builtIn().find(" HiPaA ")).isSameAs(ComplianceFrameworks.HIPAA);
    }

    @Test
    void anUnknownNameIsADomainErrorThatListsTheKnownNames() {
        assertThatThrownBy(() -> ComplianceFrameworks.builtIn().find("pci-dss"))
                .isInstanceOf(UnknownFrameworkException.class).isInstanceOf(DomainException.class)
                .hasMessage("no compliance framework named 'pci-dss'; known: hipaa, gdpr, sox")
                .satisfies(e -> assertThat(((UnknownFrameworkException) e).known())
                        .containsExactly("hipaa", "gdpr", "sox"));
    }

    @Test
    void aCustomFrameworkIsReadFromItsProperties() {
        Map<String, String> properties = acme();
        properties.put(ACME + "description", "what ACME's auditors ask for");
        properties.put(ACME + "max-failed-authentications-per-hour", "5");
        properties.put(ACME + "clause.denials-name-rule", "ACME-SEC-4.2");
        properties.put("symbiont.db.url", "jdbc:postgresql://ignored");

        ComplianceFrameworks frameworks = ComplianceFrameworks.withCustom(properties);

        ComplianceFramework acme = frameworks.find("ACME");
        assertThat(frameworks.names()).containsExactly("hipaa", "gdpr", "sox", "acme");
        assertThat(acme.title()).isEqualTo("ACME internal controls");
        assertThat(acme.description()).isEqualTo("what ACME's auditors ask for");
        assertThat(acme.eventTypes()).containsExactly(AuditEventType.POLICY_DECISION,
                AuditEventType.AUTHENTICATION_FAILED);
        assertThat(acme.checks()).containsExactly(new DenialsNameRuleCheck("ACME-SEC-4.2"),
                new FailedAuthenticationsCheck("ACME internal controls", 5));
    }

    @Test
    void aCustomFrameworkWithoutAThresholdUsesTheDefault() {
        ComplianceFramework acme = ComplianceFrameworks.withCustom(acme()).find("acme");

        assertThat(acme.checks()).contains(new FailedAuthenticationsCheck("ACME internal controls",
                CheckSettings.DEFAULTS.maxFailedAuthenticationsPerHour()));
    }

    @Test
    void withoutCustomPropertiesOnlyTheBuiltInsAreThere() {
        assertThat(ComplianceFrameworks.withCustom(Map.of("symbiont.db.user", "x")).names())
                .containsExactly("hipaa", "gdpr", "sox");
    }

    @Test
    void anUnknownEventTypeIsRejectedNamingTheKeyAndTheKnownTypes() {
        Map<String, String> properties = acme();
        properties.put(ACME + "event-types", "policy.decision, auth.failed, agent.deleted");

        assertThatThrownBy(() -> ComplianceFrameworks.withCustom(properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(ACME + "event-types: unknown event type 'agent.deleted'; known:"
                        + " agent.created,");
    }

    @Test
    void anUnknownCheckIsRejectedListingTheCatalog() {
        Map<String, String> properties = acme();
        properties.put(ACME + "checks", "denials-name-rule,encryption-at-rest");

        assertThatThrownBy(() -> ComplianceFrameworks.withCustom(properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(ACME + "checks: unknown compliance check 'encryption-at-rest'; known: "
                        + String.join(", ", ComplianceChecks.ids()));
    }

    @Test
    void aCheckWhoseEventsTheFrameworkDoesNotCollectIsRejected() {
        Map<String, String> properties = acme();
        properties.put(ACME + "checks", "policy-changes-attributed");

        assertThatThrownBy(() -> ComplianceFrameworks.withCustom(properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("check 'policy-changes-attributed' judges policy.created, policy.updated,"
                        + " policy.deleted events, which the"
                        + " framework does not collect");
    }

    @Test
    void aMissingRequiredAttributeIsNamed() {
        for (String attribute : List.of("title", "event-types", "checks")) {
            Map<String, String> properties = acme();
            properties.remove(ACME + attribute);

            assertThatThrownBy(() -> ComplianceFrameworks.withCustom(properties))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(ACME + attribute + " is required for custom framework 'acme'");
        }
    }

    @Test
    void aMisspelledAttributeIsRejectedRatherThanIgnored() {
        Map<String, String> properties = acme();
        properties.put(ACME + "event-type", "policy.decision");

        assertThatThrownBy(() -> ComplianceFrameworks.withCustom(properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(ACME + "event-type: unknown attribute 'event-type'; known: checks,");
    }

    @Test
    void aThresholdThatIsNotAWholeNumberIsRejected() {
        for (String threshold : List.of("many", "-1", "2.5")) {
            Map<String, String> properties = acme();
            properties.put(ACME + "max-failed-authentications-per-hour", threshold);

            assertThatThrownBy(() -> ComplianceFrameworks.withCustom(properties))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(ACME + "max-failed-authentications-per-hour: expected a whole number of 0 or more,"
                            + " got '" + threshold + "'");
        }
    }

    @Test
    void aClauseForACheckTheFrameworkDoesNotListIsRejected() {
        Map<String, String> properties = acme();
        properties.put(ACME + "clause.signed-checkpoint", "ACME-1");

        assertThatThrownBy(() -> ComplianceFrameworks.withCustom(properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(ACME + "clause.signed-checkpoint: the framework's checks do not list 'signed-checkpoint'");
    }

    @Test
    void aCustomFrameworkCannotReplaceABuiltIn() {
        Map<String, String> properties = new HashMap<>();
        acme().forEach((key, value) -> properties.put(key.replace(".acme.", ".hipaa."), value));

        assertThatThrownBy(() -> ComplianceFrameworks.withCustom(properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("symbiont.compliance.custom.hipaa: a custom framework cannot replace the built-in 'hipaa'");
    }

    @Test
    void aFrameworkNameOutsideTheAllowedCharactersIsRejected() {
        Map<String, String> properties = new HashMap<>();
        acme().forEach((key, value) -> properties.put(key.replace(".acme.", ".acme_corp."), value));

        assertThatThrownBy(() -> ComplianceFrameworks.withCustom(properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("symbiont.compliance.custom.acme_corp: framework name 'acme_corp' must be");
    }

    @Test
    void aKeyWithoutAnAttributeIsRejected() {
        assertThatThrownBy(() -> ComplianceFrameworks.withCustom(Map.of("symbiont.compliance.custom.acme", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("symbiont.compliance.custom.acme: expected symbiont.compliance.custom.<name>.<attribute>");
    }

    private static Map<String, String> acme() {
        Map<String, String> properties = new HashMap<>();
        properties.put(ACME + "title", "ACME internal controls");
        properties.put(ACME + "event-types", "policy.decision, auth.failed");
        properties.put(ACME + "checks", "denials-name-rule, failed-authentications-below-threshold");
        return properties;
    }
}
