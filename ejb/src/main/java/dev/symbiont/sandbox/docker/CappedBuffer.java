package dev.symbiont.sandbox.docker;

import dev.symbiont.sandbox.CapturedOutput;
import java.io.ByteArrayOutputStream;

/** Keeps the first {@code cap} bytes of a stream and counts the rest, so a chatty agent cannot exhaust the heap. */
final class CappedBuffer {

    private final long cap;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long total;

    CappedBuffer(long cap) {
        this.cap = cap;
    }

    synchronized void append(byte[] bytes) {
        long room = cap - kept.size();
        if (room > 0) {
            kept.write(bytes, 0, (int) Math.min(room, bytes.length));
        }
        total += bytes.length;
    }

    synchronized CapturedOutput captured() {
        return new CapturedOutput(kept.toByteArray(), total);
    }
}
