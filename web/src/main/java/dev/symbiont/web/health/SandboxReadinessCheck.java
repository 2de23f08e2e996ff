package dev.symbiont.web.health;

import dev.symbiont.sandbox.SandboxHealth;
import dev.symbiont.sandbox.Sandboxes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while every sandbox tier can run executions: an agent whose risk calls for a tier that is down could
 * not run, and nothing ever runs outside its tier. The data says, per tier, what is in force or what is missing.
 */
@Readiness
@ApplicationScoped
public class SandboxReadinessCheck implements HealthCheck {

    @Inject
    Sandboxes sandboxes;

    @Override
    public HealthCheckResponse call() {
        List<SandboxHealth> tiers = sandboxes.health();
        var response = HealthCheckResponse.named("sandbox").status(tiers.stream().allMatch(SandboxHealth::up));
        for (SandboxHealth tier : tiers) {
            response.withData(tier.tier().name().toLowerCase(), (tier.up() ? "up: " : "down: ") + tier.detail());
        }
        return response.build();
    }
}
