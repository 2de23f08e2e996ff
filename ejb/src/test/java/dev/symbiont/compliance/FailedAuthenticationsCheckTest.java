package dev.symbiont.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.audit.AuditEventType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailedAuthenticationsCheckTest {

    private final ComplianceFramework framework = CheckFixtures.framework(new FailedAuthenticationsCheck("log-in", 3),
            AuditEventType.AUTHENTICATION_FAILED);

    @Test
    void passesWhenNoHourHasMoreThanTheThreshold() {
        Trail trail = new Trail().authenticationFailed().authenticationFailed().authenticationFailed()
                .at(Instant.parse("2026-11-02T10:30:00Z")).authenticationFailed();

        CheckResult result = CheckFixtures.only(trail.report(framework));

        assertThat(result.passed()).isTrue();
        assertThat(result.detail()).isEqualTo("4 failed authentications; peak 3 in the hour from"
                + " 2026-11-01T00:00:00Z, within the threshold of 3 per hour");
    }

    @Test
    void failsNamingTheBusiestHourWhenOneExceedsTheThreshold() {
        Trail trail = new Trail().authenticationFailed().at(Instant.parse("2026-11-02T10:59:56Z"));
        for (int i = 0; i < 4; i++) {
            trail.authenticationFailed();
        }

        CheckResult result = CheckFixtures.only(trail.report(framework));

        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).isEqualTo("5 failed authentications; peak 4 in the hour from"
                + " 2026-11-02T10:00:00Z, above the threshold of 3 per hour");
    }

    @Test
    void passesWithoutFailedAuthentications() {
        assertThat(CheckFixtures.only(new Trail().report(framework)).detail())
                .isEqualTo("no failed authentications in the period");
    }
}
