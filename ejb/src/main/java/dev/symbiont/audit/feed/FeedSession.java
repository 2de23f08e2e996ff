package dev.symbiont.audit.feed;

import dev.symbiont.audit.AuditEvent;
import dev.symbiont.audit.AuditPage;
import dev.symbiont.audit.AuditQuery;
import dev.symbiont.audit.AuditStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One client's feed: subscribe to live events first, then replay from storage everything after the client's last
 * seen seq, then forward live events. Subscribing before replaying leaves no gap (an event sealed meanwhile is
 * in both, and the seq check drops the second copy), and events leave in seq order. The live buffer is bounded:
 * the sealer never waits for a client; a client that falls that far behind is told to reconnect and is then
 * replayed from storage, so it loses nothing either.
 */
final class FeedSession {

    static final int REPLAY_PAGE = 500;

    private final AuditQuery filter;
    private final Long afterSeq;
    private final AuditFeedSink sink;
    private final AuditStream stream;
    private final Function<AuditQuery, AuditPage> storage;
    private final Duration keepAlive;
    private final BlockingQueue<AuditEvent> live;
    private volatile boolean overflowed;

    FeedSession(AuditQuery filter, Long afterSeq, AuditFeedSink sink, AuditStream stream,
                Function<AuditQuery, AuditPage> storage, int buffer, Duration keepAlive) {
        this.filter = filter;
        this.afterSeq = afterSeq;
        this.sink = sink;
        this.stream = stream;
        this.storage = storage;
        this.keepAlive = keepAlive;
        this.live = new ArrayBlockingQueue<>(buffer);
    }

    /** Runs until the client goes away, falls behind, or the thread is interrupted (server stopping). */
    void run() {
        Runnable unsubscribe = stream.subscribe(this::offer);
        try {
            long last = afterSeq == null ? -1 : replay(afterSeq);
            while (!sink.isClosed()) {
                if (overflowed) {
                    sink.overflowed(last);
                    return;
                }
                AuditEvent event = live.poll(keepAlive.toMillis(), TimeUnit.MILLISECONDS);
                if (event == null) {
                    sink.keepAlive();
                } else if (event.seq() > last) {
                    sink.send(event);
                    last = event.seq();
                }
            }
        } catch (IOException clientGone) {
            // nothing to do: the client reconnects with Last-Event-ID when it wants more
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } finally {
            unsubscribe.run();
            sink.close();
        }
    }

    private void offer(AuditEvent event) {
        if (filter.matches(event) && !live.offer(event)) {
            overflowed = true;
        }
    }

    /** @return the last seq sent, or {@code after} if storage held nothing newer */
    private long replay(long after) throws IOException {
        long last = after;
        Long next = after;
        while (next != null && !sink.isClosed()) {
            AuditPage page = storage.apply(filter.after(next, REPLAY_PAGE));
            for (AuditEvent event : page.items()) {
                sink.send(event);
                last = event.seq();
            }
            next = page.nextAfterSeq();
        }
        return last;
    }
}
