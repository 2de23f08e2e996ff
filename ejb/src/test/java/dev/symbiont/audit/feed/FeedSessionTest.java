package dev.symbiont.audit.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.audit.AuditEvent;
import dev.symbiont.audit.AuditEventType;
import dev.symbiont.audit.AuditPage;
import dev.symbiont.audit.AuditQuery;
import dev.symbiont.audit.AuditStream;
import dev.symbiont.audit.format.ChainedEvent;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FeedSessionTest {

    private final AuditStream stream = new AuditStream();
    private final List<AuditEvent> stored = Collections.synchronizedList(new ArrayList<>());
    private final Function<AuditQuery, AuditPage> storage = query -> {
        List<AuditEvent> snapshot;
        synchronized (stored) { // a synchronized list's stream is not: the test adds while the session reads
            snapshot = new ArrayList<>(stored);
        }
        List<AuditEvent> page = snapshot.stream().filter(query::matches)
                .filter(e -> query.afterSeq() == null || e.seq() > query.afterSeq()).limit(query.limit()).toList();
        return new AuditPage(page, page.size() == query.limit() ? page.getLast().seq() : null);
    };

    @Test
    void replaysStorageAfterTheLastSeenSeqThenForwardsLiveEventsInOrderWithoutDuplicates() throws Exception {
        for (long seq = 0; seq < 1_200; seq++) {
            stored.add(event(seq, AuditEventType.AGENT_CREATED));
        }
        var sink = new RecordingSink(1_200 - 101 + 3);
        var session = new FeedSession(all(), 100L, sink, stream, storage, 100, Duration.ofMillis(100));
        Thread thread = Thread.ofVirtual().start(session::run);

        awaitSubscribed();
        // sealed while the replay may still run: in storage and published, the client must get each once
        for (long seq = 1_200; seq < 1_203; seq++) {
            AuditEvent event = event(seq, AuditEventType.AGENT_CREATED);
            stored.add(event);
            stream.publish(List.of(chained(event)));
        }

        assertThat(sink.full.await(10, TimeUnit.SECONDS)).as("events received: " + sink.sent.size()).isTrue();
        sink.closed = true;
        thread.join(Duration.ofSeconds(10));
        assertThat(sink.sent).extracting(AuditEvent::seq)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(101, 1_203).boxed().toList());
    }

    @Test
    void onlyMatchingLiveEventsAreSent() throws Exception {
        var sink = new RecordingSink(1);
        var filter = new AuditQuery(null, Set.of(AuditEventType.AUTHENTICATION_FAILED), null, null, null, null, 1);
        Thread thread = Thread.ofVirtual().start(
                new FeedSession(filter, null, sink, stream, storage, 100, Duration.ofMillis(100))::run);
        awaitSubscribed();

        stream.publish(List.of(chained(event(0, AuditEventType.AGENT_CREATED)),
                chained(event(1, AuditEventType.AUTHENTICATION_FAILED))));

        assertThat(sink.full.await(10, TimeUnit.SECONDS)).isTrue();
        sink.closed = true;
        thread.join(Duration.ofSeconds(10));
        assertThat(sink.sent).extracting(AuditEvent::seq).containsExactly(1L);
    }

    @Test
    void aClientThatFallsBehindIsToldToReconnectFromItsLastEventAndTheSealerNeverWaits() throws Exception {
        var sink = new RecordingSink(1);
        sink.blockAfterFirst = new CountDownLatch(1);
        Thread thread = Thread.ofVirtual().start(
                new FeedSession(all(), null, sink, stream, storage, 10, Duration.ofSeconds(5))::run);
        awaitSubscribed();

        long started = System.nanoTime();
        for (long seq = 0; seq < 100; seq++) {
            stream.publish(List.of(chained(event(seq, AuditEventType.AGENT_CREATED))));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        sink.blockAfterFirst.countDown();

        thread.join(Duration.ofSeconds(10));
        assertThat(thread.isAlive()).isFalse();
        assertThat(sink.overflowAt).isEqualTo(sink.sent.getLast().seq());
        assertThat(subscribers()).isZero();
    }

    @Test
    void aGoneClientEndsTheSessionAndUnsubscribes() throws Exception {
        var sink = new RecordingSink(0);
        sink.failWrites = true;
        Thread thread = Thread.ofVirtual().start(
                new FeedSession(all(), null, sink, stream, storage, 10, Duration.ofMillis(50))::run);

        thread.join(Duration.ofSeconds(10));

        assertThat(thread.isAlive()).isFalse();
        assertThat(sink.closeCalls).isEqualTo(1);
        assertThat(subscribers()).isZero();
    }

    private void awaitSubscribed() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (subscribers() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(subscribers()).isEqualTo(1);
    }

    private int subscribers() {
        return stream.subscriberCount();
    }

    private static AuditQuery all() {
        return new AuditQuery(null, Set.of(), null, null, null, null, 1);
    }

    private static AuditEvent event(long seq, AuditEventType type) {
        return new AuditEvent(seq, UUID.randomUUID(), Instant.parse("2026-11-24T10:00:00Z").plusMillis(seq), null,
                type, "test", null, "{}");
    }

    private static ChainedEvent chained(AuditEvent e) {
        return new ChainedEvent(e.seq(), e.eventId(), e.occurredAt(), e.agentId(), e.type().wireName(), e.actor(),
                e.decision(), e.details(), new byte[32], new byte[32]);
    }

    private static final class RecordingSink implements AuditFeedSink {

        final List<AuditEvent> sent = new CopyOnWriteArrayList<>();
        final CountDownLatch full;
        volatile boolean closed;
        volatile boolean failWrites;
        volatile CountDownLatch blockAfterFirst;
        volatile Long overflowAt;
        volatile int closeCalls;

        RecordingSink(int expected) {
            full = new CountDownLatch(expected);
        }

        @Override
        public void send(AuditEvent event) throws IOException {
            if (failWrites) {
                throw new IOException("gone");
            }
            sent.add(event);
            full.countDown();
            if (blockAfterFirst != null) {
                try {
                    blockAfterFirst.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void keepAlive() throws IOException {
            if (failWrites) {
                throw new IOException("gone");
            }
        }

        @Override
        public void overflowed(long lastSeq) {
            overflowAt = lastSeq;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public void close() {
            closeCalls++;
        }
    }
}
