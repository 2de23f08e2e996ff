package dev.symbiont.sandbox.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.CpuStatsConfig;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.Statistics;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Follows the engine's stats stream of the container's cgroups: the memory high-water mark (cgroup v1
 * memory.max_usage_in_bytes) and CPU time used. The engine samples about once a second and the cgroup is gone
 * once the container stops, so figures lag by up to a second and a very short run may have none. For gVisor they
 * include the sandbox's own kernel, and they are the only trustworthy CPU figures: inside gVisor a task's CPU
 * time counts time the host's quota held it back.
 */
final class UsageSampler extends ResultCallback.Adapter<Statistics> {

    private final AtomicLong peakMemory = new AtomicLong();
    private final AtomicLong cpuNanos = new AtomicLong();

    @Override
    public void onNext(Statistics statistics) {
        MemoryStatsConfig memory = statistics.getMemoryStats();
        if (memory != null) {
            Long max = memory.getMaxUsage() != null ? memory.getMaxUsage() : memory.getUsage();
            if (max != null && max > 0) {
                peakMemory.accumulateAndGet(max, Math::max);
            }
        }
        CpuStatsConfig cpu = statistics.getCpuStats();
        if (cpu != null && cpu.getCpuUsage() != null && cpu.getCpuUsage().getTotalUsage() != null) {
            cpuNanos.accumulateAndGet(cpu.getCpuUsage().getTotalUsage(), Math::max);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        // The container may already be gone when the stream opens: then there is simply no sample.
        try {
            close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    OptionalLong peakMemoryBytes() {
        long value = peakMemory.get();
        return value > 0 ? OptionalLong.of(value) : OptionalLong.empty();
    }

    Optional<Duration> cpuTime() {
        long value = cpuNanos.get();
        return value > 0 ? Optional.of(Duration.ofNanos(value)) : Optional.empty();
    }
}
