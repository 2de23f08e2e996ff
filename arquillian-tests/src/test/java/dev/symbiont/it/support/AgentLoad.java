package dev.symbiont.it.support;

import static dev.symbiont.it.support.AgentJson.json;
import static dev.symbiont.it.support.AgentJson.valid;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Clients that create and start agents as fast as the server answers, each on a thread of its own, until stopped,
 * cut off by the server going away, or at their bound in count and time. A 2xx is an acknowledged action: the client
 * was told it happened, so its audit event must exist, whatever happens to the server afterwards.
 */
public final class AgentLoad {

    /**
     * What the clients were told.
     *
     * @param created    agents whose creation was acknowledged (201)
     * @param started    agents whose start (READY to RUNNING) was acknowledged (200)
     * @param unexpected replies that were neither a success nor a cut connection
     * @param cutOff     requests that got no reply at all (in flight when the server died)
     */
    public record Acknowledged(Set<UUID> created, Set<UUID> started, List<String> unexpected, int cutOff) {

        /** What the clients of two runs were told, together. */
        public Acknowledged plus(Acknowledged other) {
            return new Acknowledged(union(created, other.created), union(started, other.started),
                    Stream.concat(unexpected.stream(), other.unexpected.stream()).toList(), cutOff + other.cutOff);
        }

        private static Set<UUID> union(Set<UUID> a, Set<UUID> b) {
            return Stream.concat(a.stream(), b.stream()).collect(Collectors.toUnmodifiableSet());
        }
    }

    private final Api api;
    private final int maxActionsPerClient;
    private final long deadline;
    private final ExecutorService clients;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Set<UUID> created = ConcurrentHashMap.newKeySet();
    private final Set<UUID> started = ConcurrentHashMap.newKeySet();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    private final AtomicInteger cutOff = new AtomicInteger();

    private AgentLoad(Api api, int clientCount, int maxActionsPerClient, Duration limit) {
        this.api = api;
        this.maxActionsPerClient = maxActionsPerClient;
        this.deadline = System.nanoTime() + limit.toNanos();
        this.clients = Executors.newFixedThreadPool(clientCount);
    }

    public static AgentLoad start(Api api, int clientCount, int maxActionsPerClient, Duration limit) {
        AgentLoad load = new AgentLoad(api, clientCount, maxActionsPerClient, limit);
        for (int i = 0; i < clientCount; i++) {
            load.clients.submit(load::drive);
        }
        return load;
    }

    public int acknowledgedCreations() {
        return created.size();
    }

    /** Stops the clients (those cut off have stopped already) and returns what they were told. */
    public Acknowledged stop() throws InterruptedException {
        stopping.set(true);
        clients.shutdown();
        if (!clients.awaitTermination(90, TimeUnit.SECONDS)) {
            clients.shutdownNow();
            throw new AssertionError("load clients did not stop within 90 s");
        }
        return new Acknowledged(Set.copyOf(created), Set.copyOf(started), List.copyOf(unexpected), cutOff.get());
    }

    private void drive() {
        for (int i = 0; i < maxActionsPerClient && !stopping.get() && System.nanoTime() < deadline; i++) {
            try {
                Api.Reply creation = api.post("/api/v1/agents", json(valid("load")));
                if (creation.status() != 201) {
                    unexpected.add("create: " + creation);
                    continue;
                }
                UUID id = UUID.fromString(creation.string("id"));
                created.add(id);
                Api.Reply start = api.post("/api/v1/agents/" + id + "/start", "{}");
                if (start.status() == 200) {
                    started.add(id);
                } else {
                    unexpected.add("start " + id + ": " + start);
                }
            } catch (UncheckedIOException serverGone) {
                cutOff.incrementAndGet();
                return;
            } catch (RuntimeException e) {
                unexpected.add("client failed: " + e);
                return;
            }
        }
    }
}
