package dev.symbiont.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Where startup is: the startup and readiness checks read it. */
@ApplicationScoped
public class RuntimeStatus {

    private volatile String schemaVersion;
    private volatile Instant startedAt;
    private volatile String startupFailure;

    void schemaMigrated(String version) {
        this.schemaVersion = version;
    }

    void started(Instant at) {
        this.startedAt = at;
    }

    void failed(String reason) {
        this.startupFailure = reason;
    }

    public boolean isStarted() {
        return startedAt != null;
    }

    public String schemaVersion() {
        return schemaVersion;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public String startupFailure() {
        return startupFailure;
    }
}
