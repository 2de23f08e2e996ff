package dev.symbiont.audit.feed;

import dev.symbiont.audit.AuditEvent;
import java.io.IOException;

/** Where a feed writes: one client connection (Server-Sent Events in the web layer). Calls come from one thread. */
public interface AuditFeedSink {

    /** Writes one event and returns once it is handed to the connection; IOException when the client is gone. */
    void send(AuditEvent event) throws IOException;

    /** Nothing new for a while: a comment line, so proxies keep the connection and a dead client is noticed. */
    void keepAlive() throws IOException;

    /** The client fell too far behind; tell it to reconnect from {@code lastSeq} (it is replayed from storage). */
    void overflowed(long lastSeq) throws IOException;

    boolean isClosed();

    void close();
}
