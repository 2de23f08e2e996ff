package dev.symbiont.compliance.render;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Lets a writer or generator be closed (which flushes its buffers) without closing the caller's stream, which
 * the {@link ReportRenderer} contract leaves open.
 */
final class CallerOwnedOutputStream extends FilterOutputStream {

    CallerOwnedOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
