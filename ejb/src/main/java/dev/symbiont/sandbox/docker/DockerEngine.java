package dev.symbiont.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hc.client5.http.config.RequestConfig;

/**
 * A connection to one Docker engine over its API socket. Connecting never fails on an absent engine: the
 * engine is looked at only when asked ({@link #probe()}) or used, so the runtime starts without one.
 */
public final class DockerEngine implements AutoCloseable {

    /** What the engine said when asked, or why it did not answer. */
    public record Probe(boolean reachable, String version, Set<String> runtimes, String error) {

        static Probe unreachable(String error) {
            return new Probe(false, null, Set.of(), error);
        }
    }

    /**
     * How long a request waits for a free connection once all {@code maxConnections} are in use, then fails (see
     * {@link EngineErrors#noFreeConnection}). It is httpclient5's default, read from httpclient5 itself, because
     * docker-java 3.7.1's client builder sets only the response timeout and offers no setting for this one. Three
     * minutes is a fair wait: long enough for runs that hold connections to end during a burst, and finite, so a
     * request never hangs on a pool that stays full (a stream's own waits, e.g. attaching, give up sooner).
     */
    static final Duration CONNECTION_WAIT = RequestConfig.DEFAULT.getConnectionRequestTimeout().toDuration();

    private final URI host;
    private final DockerClient client;
    private final int maxConnections;

    private DockerEngine(URI host, DockerClient client, int maxConnections) {
        this.host = host;
        this.client = client;
        this.maxConnections = maxConnections;
    }

    /**
     * @param dockerHost e.g. {@code unix:///var/run/docker.sock} or {@code tcp://host:2375}
     * @param maxConnections every running execution holds about three (attach, wait, stats); a request finding
     *                       all in use waits up to {@link #CONNECTION_WAIT} for one
     */
    public static DockerEngine connect(String dockerHost, int maxConnections) {
        // Explicit host: the runtime's own DOCKER_* environment must not redirect agent code to another engine.
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(dockerHost)
                .withDockerTlsVerify(false)
                .build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(maxConnections)
                .connectionTimeout(Duration.ofSeconds(3))
                // no response timeout: attach and wait legitimately stay silent for as long as an execution runs
                .build();
        return new DockerEngine(config.getDockerHost(), DockerClientImpl.getInstance(config, http), maxConnections);
    }

    public URI host() {
        return host;
    }

    public DockerClient client() {
        return client;
    }

    /** The connection pool's size: requests beyond it wait for a free connection. */
    public int maxConnections() {
        return maxConnections;
    }

    /** A ping and the list of registered runtimes; never throws. */
    public Probe probe() {
        try {
            client.pingCmd().exec();
            Info info = client.infoCmd().exec();
            Set<String> runtimes = info.getRuntimes() == null ? Set.of() : new TreeSet<>(info.getRuntimes().keySet());
            return new Probe(true, info.getServerVersion(), runtimes, null);
        } catch (RuntimeException e) {
            // A full pool is no answer from the engine either: the probe could not ask it.
            return Probe.unreachable(EngineErrors.noFreeConnection(e) ? EngineErrors.noFreeConnectionMessage(this)
                    : "Docker engine not reachable at " + host + ": " + rootMessage(e));
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
