package dev.symbiont.web.health;

import dev.symbiont.runtime.RuntimeStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the schema is migrated and the admin bootstrap ran. */
@Startup
@ApplicationScoped
public class StartupCompletedCheck implements HealthCheck {

    @Inject
    RuntimeStatus status;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("runtime-startup").status(status.isStarted());
        if (status.schemaVersion() != null) {
            response.withData("schema_version", status.schemaVersion());
        }
        if (status.startupFailure() != null) {
            response.withData("failure", status.startupFailure());
        }
        return response.build();
    }
}
