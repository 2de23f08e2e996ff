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
 * One raw HTTP connection to the engine, upgraded to a bidirectional stream (an attach or an exec start). It exists
 * because docker-java 3.7.1 never half-closes a hijacked stream, and a half-close is the only way to tell the
 * engine that stdin has ended. Plain unix and tcp engine addresses only. Reading and writing may happen on two
 * threads at once.
 */
final class HijackedConnection implements AutoCloseable {

    private static final int MAX_RESPONSE_HEAD = 8192;

    private final SocketChannel channel;

    private HijackedConnection(SocketChannel channel) {
        this.channel = channel;
    }

    /**
     * Sends a POST that asks to upgrade the connection and returns once the engine agreed; nothing after the
     * response head has been read.
     *
     * @param jsonBody the request body, or null for none
     */
    static HijackedConnection open(URI engine, String path, String jsonBody) throws IOException {
        SocketChannel channel = connect(engine);
        try {
            byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: docker\r\n"
                    + (jsonBody == null ? "Content-Type: text/plain\r\n" : "Content-Type: application/json\r\n")
                    + "Content-Length: " + body.length + "\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n";
            write(channel, head.getBytes(StandardCharsets.US_ASCII));
            write(channel, body);
            String response = readResponseHead(channel);
            if (!response.startsWith("HTTP/1.1 101") && !response.startsWith("HTTP/1.1 200")) {
                throw new IOException("engine refused " + path + ": " + response.lines().findFirst().orElse(response));
            }
            return new HijackedConnection(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    void write(byte[] bytes) throws IOException {
        write(channel, bytes);
    }

    /** End of file for the other side's reader (the process's stdin); reading goes on. */
    void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    /** @return bytes read, or -1 at the end of the stream */
    int read(ByteBuffer buffer) throws IOException {
        return channel.read(buffer);
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
            default -> throw new IOException("a raw stream needs a unix:// or tcp:// engine address, not " + engine);
        }
        try {
            channel.connect(address);
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    private static void write(SocketChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Reads byte by byte up to the blank line: what follows it belongs to the stream and must stay unread. */
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
        throw new IOException("no complete response head: " + head.toString(StandardCharsets.US_ASCII));
    }
}
