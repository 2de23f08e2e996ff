package dev.symbiont.web.audit;

import dev.symbiont.audit.AuditEvent;
import dev.symbiont.audit.feed.AuditFeedSink;
import dev.symbiont.web.JsonbConfiguration;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An audit feed written as Server-Sent Events: id = seq (what a client sends back as Last-Event-ID), event = the
 * event type, data = the event as the list endpoint shows it. Each write waits for the connection, so a slow client
 * slows only its own feed, whose bounded buffer then overflows instead of growing.
 */
final class SseFeedSink implements AuditFeedSink {

    private static final long WRITE_TIMEOUT_SECONDS = 30;

    private final SseEventSink sink;
    private final Sse sse;

    SseFeedSink(SseEventSink sink, Sse sse) {
        this.sink = sink;
        this.sse = sse;
    }

    @Override
    public void send(AuditEvent event) throws IOException {
        write(sse.newEventBuilder().id(Long.toString(event.seq())).name(event.type().wireName())
                .data(JsonbConfiguration.jsonb().toJson(AuditEventResponse.of(event))).build());
    }

    @Override
    public void keepAlive() throws IOException {
        write(sse.newEventBuilder().comment("keep-alive").build());
    }

    @Override
    public void overflowed(long lastSeq) throws IOException {
        write(sse.newEventBuilder().name("overflow").id(Long.toString(lastSeq)).reconnectDelay(1000)
                .data("{\"reason\":\"the client fell behind; reconnect with Last-Event-ID " + lastSeq + "\"}")
                .build());
    }

    @Override
    public boolean isClosed() {
        return sink.isClosed();
    }

    @Override
    public void close() {
        try {
            sink.close();
        } catch (IOException | RuntimeException alreadyGone) {
            // the client closed first
        }
    }

    private void write(OutboundSseEvent event) throws IOException {
        try {
            sink.send(event).toCompletableFuture().get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the audit stream client is gone", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the audit stream", e);
        }
    }
}
