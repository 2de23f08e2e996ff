package dev.symbiont.sandbox.docker;

import java.io.IOException;
import java.net.URI;

/**
 * Feeds an execution's stdin through its own attach connection and then half-closes it, which is how the engine
 * learns of end of file (with StdinOnce it then closes the container's stdin). docker-java 3.7.1's hijacked
 * stdin never half-closes, so a process reading to end of file would wait forever; hence the raw connection.
 */
final class StdinAttachment implements AutoCloseable {

    private final HijackedConnection connection;

    private StdinAttachment(HijackedConnection connection) {
        this.connection = connection;
    }

    /** Attaches to the container's stdin; call before starting it. */
    static StdinAttachment open(URI engine, String containerId) throws IOException {
        return new StdinAttachment(HijackedConnection.open(engine,
                "/containers/" + containerId + "/attach?stream=1&stdin=1", null));
    }

    /**
     * Writes the payload, then signals end of file, on a thread of its own: the process may read slowly or not at
     * all, and that must not hold up the wait for its exit. Closing the attachment ends a blocked write.
     */
    void sendThenClose(byte[] payload) {
        sendThenClose(connection, payload);
    }

    static void sendThenClose(HijackedConnection connection, byte[] payload) {
        Thread.ofVirtual().name("sandbox-stdin").start(() -> {
            try {
                connection.write(payload);
                connection.shutdownOutput();
            } catch (IOException e) {
                // The process exited or was killed before reading everything: its stdin is gone, nothing to do.
            }
        });
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
