package dev.symbiont.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.symbiont.sandbox.SandboxLimits;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pre-started sandbox containers for one tier, per image and container limits ({@link WarmKey}), so a short
 * execution skips container creation and start. Each warm container is created with the same hardened host
 * configuration, user and labels as a cold one and runs only the idle command; an execution takes it, runs the
 * agent's command in it with {@code docker exec}, and it is removed afterwards: single use, nothing of one run is
 * visible to the next. Taking one refills its key in the background.
 *
 * <p>Bounded: per key, idle containers plus those being created never exceed {@link WarmPoolSettings#sizePerKey},
 * and at most {@link WarmPoolSettings#maxKeys} keys are warmed. A key is warmed by {@link #prewarm} or on first
 * demand; a request that finds its key empty runs cold. {@link #close()} removes every idle container; the ones a
 * crashed server left carry its instance label and are removed by the next instance's {@link OrphanReaper}.
 *
 * <p>Why this shape, measured on 2 cores with Docker 20.10 ({@code SandboxStartBenchmark}, cold and warm
 * interleaved, median of three runs): creating, attaching and starting a container is what a cold run waits for
 * (first output p50 159 ms runc, 264 ms gVisor); an exec in a running container answers in 50 and 67 ms.
 * Reusing a container would be faster still but lets one run see another's files and processes, so each is used
 * once and the pool pays the creation in the background instead. Limits cannot be adjusted on a taken container (runsc has no
 * {@code update}; the scratch size is a mount option), hence one key per image and limits ({@link WarmKey}).
 */
public final class WarmPool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WarmPool.class.getName());
    /** How long close waits for containers being created: about one creation and removal, with room. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    /** One key's containers; guarded by the pool. */
    private static final class Slot {
        final Deque<String> idle = new ArrayDeque<>();
        int creating;
    }

    private final DockerEngine engine;
    private final DockerClient client;
    private final DockerRuntime runtime;
    private final DockerSandboxSettings settings;
    private final WarmPoolSettings poolSettings;
    private final Executor refills;
    private final Map<WarmKey, Slot> slots = new HashMap<>();
    private boolean closed;

    /** @param refills runs background refills, one container creation per task (e.g. a managed executor) */
    public WarmPool(DockerEngine engine, DockerRuntime runtime, DockerSandboxSettings settings,
                    WarmPoolSettings poolSettings, Executor refills) {
        this.engine = engine;
        this.client = engine.client();
        this.runtime = runtime;
        this.settings = settings;
        this.poolSettings = poolSettings;
        this.refills = refills;
    }

    public WarmPoolSettings settings() {
        return poolSettings;
    }

    /**
     * Fills the key's slot to its size now, in the caller's thread (about one container creation and start each),
     * so the runtime can warm its configured images at startup and learn of a missing image there.
     *
     * @return idle containers of the key afterwards
     * @throws IllegalStateException when the pool already warms {@code maxKeys} other keys, or is closed
     */
    public int prewarm(String image, SandboxLimits limits) {
        WarmKey key = new WarmKey(image, limits);
        int wanted;
        synchronized (this) {
            Slot slot = register(key).orElseThrow(() -> new IllegalStateException(closed ? "warm pool is closed"
                    : "warm pool already warms " + poolSettings.maxKeys() + " keys; not adding " + key));
            wanted = reserve(slot);
        }
        for (int i = 0; i < wanted; i++) {
            try {
                createOne(key, true);
            } catch (RuntimeException e) {
                for (int unused = i + 1; unused < wanted; unused++) {
                    settle(key, null);
                }
                throw e;
            }
        }
        return idleCount(image, limits);
    }

    /** Idle containers ready for this image and limits. */
    public synchronized int idleCount(String image, SandboxLimits limits) {
        Slot slot = slots.get(new WarmKey(image, limits));
        return slot == null ? 0 : slot.idle.size();
    }

    /** Idle containers ready across all keys. */
    public synchronized int idleTotal() {
        return slots.values().stream().mapToInt(slot -> slot.idle.size()).sum();
    }

    /**
     * Stops refilling, removes every idle container, and waits (a while) for containers still being created, which
     * remove themselves once ready. Containers taken by running executions are theirs to remove.
     */
    @Override
    public void close() {
        List<String> idle = new ArrayList<>();
        synchronized (this) {
            closed = true;
            slots.values().forEach(slot -> {
                idle.addAll(slot.idle);
                slot.idle.clear();
            });
        }
        idle.forEach(this::discard);
        try {
            awaitRefills(CLOSE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * An idle container of the key, now the caller's alone (it must remove it), if there is one; either way the
     * key's slot is refilled in the background.
     */
    Optional<String> take(WarmKey key) {
        String id;
        int wanted;
        synchronized (this) {
            Optional<Slot> slot = register(key);
            if (slot.isEmpty()) {
                return Optional.empty();
            }
            id = slot.get().idle.poll();
            wanted = reserve(slot.get());
        }
        for (int i = 0; i < wanted; i++) {
            try {
                refills.execute(() -> createOne(key, false));
            } catch (RejectedExecutionException e) {
                settle(key, null);
            }
        }
        return Optional.ofNullable(id);
    }

    /** Removes a warm container that could not be used, or one an execution is done with. */
    void discard(String id) {
        try {
            client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "could not remove warm sandbox container " + id
                    + "; the orphan reaper removes it after a restart");
        }
    }

    /** Waits until no container is being created (or the limit passed); for tests and orderly shutdown. */
    synchronized void awaitRefills(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (slots.values().stream().anyMatch(s -> s.creating > 0)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    private Optional<Slot> register(WarmKey key) {
        if (closed) {
            return Optional.empty();
        }
        Slot slot = slots.get(key);
        if (slot == null && slots.size() < poolSettings.maxKeys()) {
            slot = new Slot();
            slots.put(key, slot);
        }
        return Optional.ofNullable(slot);
    }

    /** Counts the containers the slot lacks as being created, so concurrent refills never overshoot. */
    private int reserve(Slot slot) {
        int wanted = Math.max(0, poolSettings.sizePerKey() - slot.idle.size() - slot.creating);
        slot.creating += wanted;
        return wanted;
    }

    private void createOne(WarmKey key, boolean propagate) {
        String id = null;
        try {
            id = createStarted(key);
        } catch (RuntimeException e) {
            if (propagate) {
                throw e;
            }
            // Not retried here: the next take of the key tries again, so a missing image cannot spin.
            LOG.log(Level.WARNING, e, () -> "could not warm a " + runtime.tier() + " container for " + key);
        } finally {
            settle(key, id);
        }
    }

    private void settle(WarmKey key, String id) {
        synchronized (this) {
            if (id == null || !closed) {
                Slot slot = slots.get(key);
                slot.creating--;
                if (id != null) {
                    slot.idle.add(id);
                }
                notifyAll();
                return;
            }
        }
        // Closed meanwhile: removed while still counted as being created, so close() returns only once it is gone.
        discard(id);
        synchronized (this) {
            slots.get(key).creating--;
            notifyAll();
        }
    }

    private String createStarted(WarmKey key) {
        UUID warmId = UUID.randomUUID();
        String id;
        try {
            id = client.createContainerCmd(key.image())
                    .withName("symbiont-warm-" + warmId)
                    .withCmd(poolSettings.idleCommand())
                    .withUser(settings.user())
                    .withWorkingDir("/tmp")
                    .withLabels(SandboxLabels.warm(settings, runtime.tier(), warmId))
                    .withHostConfig(HardenedHostConfig.forWarmContainer(runtime, key.containerLimits(), settings))
                    .withTty(false)
                    .exec()
                    .getId();
        } catch (RuntimeException e) {
            throw EngineErrors.whileCreating(e, runtime, key.image(), engine);
        }
        try {
            client.startContainerCmd(id).exec();
            return id;
        } catch (RuntimeException e) {
            discard(id);
            throw EngineErrors.during(e, runtime, engine, "starting a warm container");
        }
    }
}
