package dev.symbiont.scheduler.bench;

import dev.symbiont.scheduler.Capacity;
import dev.symbiont.scheduler.ResourceRequest;
import dev.symbiont.scheduler.TaskPriority;
import dev.symbiont.scheduler.WaitingTask;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/**
 * Tasks as a busy node sees them, from a fixed seed: 40% low, 35% normal, 20% high, 5% critical; 256 MB to 2 GB,
 * a quarter core to two cores, 10 to 100 MB/s of disk. The node (256 GB, 256 cores, 20 GB/s of disk, network not
 * accounted) has room for about 270 of them at once.
 */
final class SchedulerWorkload {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    static final Capacity NODE = Capacity.ofNode(256_000, 256, 20_000, 0);

    private static final int[] MEMORY = {256, 512, 1024, 2048};
    private static final double[] CPU = {0.25, 0.5, 1, 2};
    private static final int[] DISK = {10, 50, 100};
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final Random random;
    private long sequence;

    SchedulerWorkload(long seed) {
        random = new Random(seed);
    }

    WaitingTask task(UUID agent, Instant enqueuedAt) {
        ResourceRequest request = new ResourceRequest(MEMORY[random.nextInt(MEMORY.length)],
                CPU[random.nextInt(CPU.length)], DISK[random.nextInt(DISK.length)], 0, TIMEOUT);
        return new WaitingTask(new UUID(random.nextLong(), random.nextLong()), agent, priority(), request,
                enqueuedAt, ++sequence);
    }

    private TaskPriority priority() {
        int dice = random.nextInt(100);
        if (dice < 40) {
            return TaskPriority.LOW;
        }
        if (dice < 75) {
            return TaskPriority.NORMAL;
        }
        return dice < 95 ? TaskPriority.HIGH : TaskPriority.CRITICAL;
    }

    UUID agent() {
        return new UUID(random.nextLong(), random.nextLong());
    }
}
