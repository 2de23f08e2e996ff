package dev.symbiont.web;

import dev.symbiont.web.problem.ApiExceptions;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses request bodies over {@code symbiont.api.max-body-bytes}: at once when Content-Length says so, and while
 * reading when the body is chunked, so no oversized body is ever buffered or parsed.
 */
@Provider
@PreMatching
@Priority(100)
public class RequestSizeLimitFilter implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "symbiont.api.max-body-bytes", defaultValue = "1048576")
    long maxBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            throw new ApiExceptions.PayloadTooLarge(maxBytes);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new LimitedInputStream(request.getEntityStream(), maxBytes));
        }
    }

    static final class LimitedInputStream extends FilterInputStream {
        private final long limit;
        private long count;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            count += n;
            if (count > limit) {
                throw new ApiExceptions.PayloadTooLarge(limit);
            }
        }
    }
}
