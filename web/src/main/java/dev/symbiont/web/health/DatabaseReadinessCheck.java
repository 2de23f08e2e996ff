package dev.symbiont.web.health;

import dev.symbiont.runtime.DatabaseProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database answers a query. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    @Inject
    DatabaseProbe database;

    @Override
    public HealthCheckResponse call() {
        DatabaseProbe.Result result = database.probe();
        var response = HealthCheckResponse.named("database").status(result.up())
                .withData("latency_ms", result.latencyMillis());
        if (result.error() != null) {
            response.withData("error", result.error());
        }
        return response.build();
    }
}
