package dev.symbiont.sandbox.docker;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * A started exec's own connection: stdin in (then end of file), stdout and stderr out as the engine's multiplexed
 * frames (8-byte header: stream, 3 zero bytes, big-endian length). Raw for the same reason as
 * {@link StdinAttachment}: docker-java cannot end an exec's stdin.
 */
final class ExecStream implements AutoCloseable {

    private static final int HEADER = 8;
    private static final int READ_CHUNK = 32 * 1024;

    private final HijackedConnection connection;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    private ExecStream(HijackedConnection connection) {
        this.connection = connection;
    }

    /**
     * Starts the exec and begins reading its output into {@code output} on a thread of its own.
     *
     * @param stdin sent and then closed; null when the exec was created without stdin
     */
    static ExecStream start(URI engine, String execId, OutputCapture output, byte[] stdin) throws IOException {
        ExecStream stream = new ExecStream(HijackedConnection.open(engine, "/exec/" + execId + "/start",
                "{\"Detach\":false,\"Tty\":false}"));
        Thread.ofVirtual().name("sandbox-exec-output").start(() -> stream.readInto(output));
        if (stdin != null) {
            StdinAttachment.sendThenClose(stream.connection, stdin);
        }
        return stream;
    }

    /** Completes when the engine closed the stream: the process exited and its output was drained. */
    CompletableFuture<Void> ended() {
        return ended;
    }

    private void readInto(OutputCapture output) {
        ByteBuffer buffer = ByteBuffer.allocate(READ_CHUNK);
        try {
            while (true) {
                ByteBuffer header = ByteBuffer.allocate(HEADER);
                if (!fill(header, true)) {
                    break;
                }
                StreamType type = switch (header.get(0)) {
                    case 0 -> StreamType.STDIN;
                    case 1 -> StreamType.STDOUT;
                    case 2 -> StreamType.STDERR;
                    default -> StreamType.RAW;
                };
                int remaining = header.getInt(4);
                while (remaining > 0) {
                    buffer.clear().limit(Math.min(remaining, READ_CHUNK));
                    fill(buffer, false);
                    output.onNext(new Frame(type, Arrays.copyOf(buffer.array(), buffer.limit())));
                    remaining -= buffer.limit();
                }
            }
        } catch (IOException e) {
            // Closed by us (the sandbox died and the engine kept the stream open) or cut mid-frame: what arrived
            // is what there is.
        } finally {
            output.onComplete();
            ended.complete(null);
        }
    }

    /** @return false at a clean end of stream before the first byte; a stream ending mid-way is an error */
    private boolean fill(ByteBuffer target, boolean endAllowed) throws IOException {
        while (target.hasRemaining()) {
            if (connection.read(target) < 0) {
                if (endAllowed && target.position() == 0) {
                    return false;
                }
                throw new EOFException("exec stream ended inside a frame");
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
