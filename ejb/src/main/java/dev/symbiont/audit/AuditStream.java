package dev.symbiont.audit;

import dev.symbiont.audit.format.ChainedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Live feed of newly sealed events for monitoring subscribers (Server-Sent Events). Subscribers get events in
 * chain order after they are committed; a slow or failing subscriber is its own problem, never the sealer's.
 */
@ApplicationScoped
public class AuditStream {

    private static final Logger LOG = Logger.getLogger(AuditStream.class.getName());

    private final List<Consumer<AuditEvent>> subscribers = new CopyOnWriteArrayList<>();

    public Runnable subscribe(Consumer<AuditEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** How many feeds are listening now. */
    public int subscriberCount() {
        return subscribers.size();
    }

    public void publish(List<ChainedEvent> sealed) {
        if (subscribers.isEmpty() || sealed.isEmpty()) {
            return;
        }
        for (ChainedEvent chained : sealed) {
            AuditEvent event = AuditEvents.fromChain(chained);
            for (Consumer<AuditEvent> subscriber : subscribers) {
                try {
                    subscriber.accept(event);
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "dropping a failing audit stream subscriber", e);
                    subscribers.remove(subscriber);
                }
            }
        }
    }
}
