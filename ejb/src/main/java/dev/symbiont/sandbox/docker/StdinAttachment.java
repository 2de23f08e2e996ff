package dev.symbiont.sandbox.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * Feeds an execution's stdin through its own attach connection and then half-closes it, which is how the engine
 * learns of end of file (with StdinOnce it then closes the container's stdin). docker-java 3.7.1's hijacked
 * stdin never half-closes, so a process reading to end of file would wait forever; hence this small raw client.
 * Plain unix and tcp engine addresses only.
 */
final class StdinAttachment implements AutoCloseable {

    private static final int MAX_RESPONSE_HEAD = 8192;

    private final SocketChannel channel;

    private StdinAttachment(SocketChannel channel) {
        this.channel = channel;
    }

    /** Attaches to the container's stdin; call before starting it. */
    static StdinAttachment open(URI engine, String containerId) throws IOException {
        SocketChannel channel = connect(engine);
        try {
            String request = "POST /containers/" + containerId + "/attach?stream=1&stdin=1 HTTP/1.1\r\n"
                    + "Host: docker\r\nContent-Type: text/plain\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n";
            writeFully(channel, request.getBytes(StandardCharsets.US_ASCII));
            String head = readResponseHead(channel);
            if (!head.startsWith("HTTP/1.1 101") && !head.startsWith("HTTP/1.1 200")) {
                throw new IOException("engine refused to attach stdin: " + head.lines().findFirst().orElse(head));
            }
            return new StdinAttachment(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Writes the payload, then signals end of file, on a thread of its own: the process may read slowly or not at
     * all, and that must not hold up the wait for its exit. Closing the attachment ends a blocked write.
     */
    void sendThenClose(byte[] payload) {
        Thread.ofVirtual().name("sandbox-stdin").start(() -> {
            try {
                writeFully(channel, payload);
                channel.shutdownOutput();
            } catch (IOException e) {
                // The process exited or was killed before reading everything: its stdin is gone, nothing to do.
            }
        });
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static SocketChannel connect(URI engine) throws IOException {
        SocketAddress address;
        SocketChannel channel;
        switch (engine.getScheme()) {
            case "unix" -> {
                address = UnixDomainSocketAddress.of(engine.getPath());
                channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            }
            case "tcp" -> {
                address = new InetSocketAddress(engine.getHost(), engine.getPort());
                channel = SocketChannel.open();
            }
            default -> throw new IOException("stdin needs a unix:// or tcp:// engine address, not " + engine);
        }
        try {
            channel.connect(address);
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    private static void writeFully(SocketChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Reads byte by byte up to the blank line: nothing after it may be consumed (there is nothing, stdin only). */
    private static String readResponseHead(SocketChannel channel) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (head.size() < MAX_RESPONSE_HEAD) {
            one.clear();
            if (channel.read(one) < 0) {
                break;
            }
            head.write(one.get(0));
            byte[] b = head.toByteArray();
            int n = b.length;
            if (n >= 4 && b[n - 4] == '\r' && b[n - 3] == '\n' && b[n - 2] == '\r' && b[n - 1] == '\n') {
                return head.toString(StandardCharsets.US_ASCII);
            }
        }
        throw new IOException("no complete response to the stdin attach: " + head.toString(StandardCharsets.US_ASCII));
    }
}
