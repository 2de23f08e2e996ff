package dev.symbiont.audit.feed;

import dev.symbiont.audit.AuditLog;
import dev.symbiont.audit.AuditQuery;
import dev.symbiont.audit.AuditStream;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Real-time feeds of the audit trail for monitoring tools, each on a task of the managed executor. Their number
 * is capped: every feed holds a connection and a buffer, and monitoring must not starve the API.
 */
@ApplicationScoped
public class AuditFeed {

    @Inject
    AuditStream stream;

    @Inject
    AuditLog log;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "symbiont.audit.stream.max-clients", defaultValue = "64")
    int maxClients;

    @Inject
    @ConfigProperty(name = "symbiont.audit.stream.buffer", defaultValue = "10000")
    int buffer;

    @Inject
    @ConfigProperty(name = "symbiont.audit.stream.keep-alive", defaultValue = "PT15S")
    Duration keepAlive;

    private Semaphore clients;

    @PostConstruct
    void createPermits() {
        clients = new Semaphore(Math.max(1, maxClients));
    }

    /**
     * Starts a feed of the events matching {@code filter}: first those after {@code afterSeq} from storage (none
     * when null), then live ones.
     *
     * @throws FeedCapacityException when {@code max-clients} feeds are open already
     */
    public void open(AuditQuery filter, Long afterSeq, AuditFeedSink sink) {
        if (!clients.tryAcquire()) {
            throw new FeedCapacityException(maxClients);
        }
        var session = new FeedSession(filter, afterSeq, sink, stream, log::page, buffer, keepAlive);
        try {
            executor.execute(() -> {
                try {
                    session.run();
                } finally {
                    clients.release();
                }
            });
        } catch (RuntimeException rejected) {
            clients.release();
            throw rejected;
        }
    }
}
