package dev.symbiont.it.scheduler.bench;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The bench-only web module's JAX-RS application, at the module's context root. */
@ApplicationPath("/")
public class SchedulerBenchApplication extends Application {
}
