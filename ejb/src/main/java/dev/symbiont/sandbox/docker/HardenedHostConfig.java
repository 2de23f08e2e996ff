package dev.symbiont.sandbox.docker;

import com.github.dockerjava.api.model.BlkioRateDevice;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ulimit;
import dev.symbiont.sandbox.SandboxLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The host configuration every sandbox container gets, whatever the tier: the hardening lives here, in one place. */
final class HardenedHostConfig {

    /**
     * gVisor runs each agent task on several host threads (measured with Debian's runsc 2022-12, ptrace platform:
     * 44 for an idle sandbox, 8 per sleeping task, peaks of 131 / 486 / 925 / 1725 host threads during a fork storm
     * held to 8 / 32 / 64 / 128 tasks). Its pids cgroup therefore bounds host threads and needs room; when exhausted
     * the whole sandbox dies (exit 2) instead of fork failing inside.
     */
    static final long GVISOR_MIN_HOST_PIDS = 256;
    static final long GVISOR_BASE_HOST_PIDS = 128;
    static final long GVISOR_HOST_PIDS_PER_TASK = 20;

    private HardenedHostConfig() {
    }

    static HostConfig forExecution(DockerRuntime runtime, SandboxLimits limits, boolean network,
                                   DockerSandboxSettings settings) {
        List<Ulimit> ulimits = new ArrayList<>();
        // No POSIX message queues: /dev/mqueue would otherwise be a writable place outside the scratch directory.
        ulimits.add(new Ulimit("msgqueue", 0L, 0L));
        long hostPids = limits.maxProcesses();
        if (runtime.userSpaceKernel()) {
            // gVisor enforces RLIMIT_NPROC inside the sandbox (its own kernel, so per sandbox, not per host uid);
            // on runc it would count every process of that uid on the host, so it is not used there.
            ulimits.add(new Ulimit("nproc", (long) limits.maxProcesses(), (long) limits.maxProcesses()));
            hostPids = Math.max(GVISOR_MIN_HOST_PIDS,
                    GVISOR_BASE_HOST_PIDS + GVISOR_HOST_PIDS_PER_TASK * limits.maxProcesses());
        }
        HostConfig config = HostConfig.newHostConfig()
                .withRuntime(runtime.name())
                .withNetworkMode(network ? settings.grantedNetwork() : "none")
                .withReadonlyRootfs(true)
                .withTmpFs(Map.of("/tmp", "rw,nosuid,nodev,noexec,size=" + limits.scratchBytes() + ",mode=1777"))
                // No /dev/shm: it would be a second writable tmpfs outside the scratch limit.
                .withIpcMode("none")
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withPrivileged(false)
                .withPidsLimit(hostPids)
                .withMemory(limits.memoryBytes())
                .withMemorySwap(limits.memoryBytes())
                .withOomKillDisable(false)
                .withNanoCPUs(Math.round(limits.cpus() * 1_000_000_000L))
                .withUlimits(ulimits)
                // Output is read from the attach stream only; a log driver would copy it, unbounded, to the host disk.
                .withLogConfig(new LogConfig(LogConfig.LoggingType.NONE))
                .withAutoRemove(false);
        if (!settings.blkioDevices().isEmpty()) {
            if (limits.diskReadBytesPerSecond() > 0) {
                config.withBlkioDeviceReadBps(rates(settings.blkioDevices(), limits.diskReadBytesPerSecond()));
            }
            if (limits.diskWriteBytesPerSecond() > 0) {
                config.withBlkioDeviceWriteBps(rates(settings.blkioDevices(), limits.diskWriteBytesPerSecond()));
            }
        }
        return config;
    }

    /**
     * A warm container: the same hardening, never a network (granted runs are always cold), and one process more
     * than the request, because the pool's idle command holds one for the container's whole life and the agent
     * must get exactly the processes it asked for.
     */
    static HostConfig forWarmContainer(DockerRuntime runtime, SandboxLimits limits, DockerSandboxSettings settings) {
        return forExecution(runtime, limits.withMaxProcesses(limits.maxProcesses() + 1), false, settings);
    }

    private static List<BlkioRateDevice> rates(List<String> devices, long bytesPerSecond) {
        return devices.stream().map(d -> new BlkioRateDevice().withPath(d).withRate(bytesPerSecond)).toList();
    }
}
