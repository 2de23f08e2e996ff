package dev.symbiont.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive unless threads are deadlocked: the one failure a restart fixes and nothing else does. */
@Liveness
@ApplicationScoped
public class DeadlockLivenessCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        int count = deadlocked == null ? 0 : deadlocked.length;
        return HealthCheckResponse.named("thread-deadlocks").status(count == 0)
                .withData("deadlocked_threads", count).build();
    }
}
