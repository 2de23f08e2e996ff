package dev.symbiont.compliance.render;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Collects what a renderer writes and remembers whether it closed the stream (it must not). */
final class StreamSpy extends ByteArrayOutputStream {

    private boolean closed;

    @Override
    public void close() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }

    String text() {
        return toString(StandardCharsets.UTF_8);
    }
}
