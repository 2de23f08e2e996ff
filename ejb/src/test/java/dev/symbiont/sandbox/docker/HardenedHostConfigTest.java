package dev.symbiont.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.BlkioRateDevice;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ulimit;
import dev.symbiont.sandbox.SandboxLimits;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every container gets the same hardening; the runtime only changes how processes are counted. */
class HardenedHostConfigTest {

    private static final SandboxLimits LIMITS = new SandboxLimits(64L << 20, 0.5, 40, 8L << 20,
            Duration.ofSeconds(30), 1 << 20, 2_000_000, 1_000_000);
    private static final DockerSandboxSettings SETTINGS = new DockerSandboxSettings("node", "instance",
            "65534:65534", "bridge", List.of("/dev/vda"));

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyTierIsHardenedTheSameWay(boolean gvisor) {
        HostConfig config = HardenedHostConfig.forExecution(runtime(gvisor), LIMITS, false, SETTINGS);

        assertThat(config.getReadonlyRootfs()).isTrue();
        assertThat(config.getTmpFs()).isEqualTo(Map.of("/tmp", "rw,nosuid,nodev,noexec,size=8388608,mode=1777"));
        assertThat(config.getCapDrop()).containsExactly(Capability.ALL);
        assertThat(config.getCapAdd()).isNullOrEmpty();
        assertThat(config.getSecurityOpts()).containsExactly("no-new-privileges");
        assertThat(config.getPrivileged()).isFalse();
        assertThat(config.getIpcMode()).isEqualTo("none");
        assertThat(config.getMemory()).isEqualTo(64L << 20);
        assertThat(config.getMemorySwap()).as("no swap on top of memory").isEqualTo(64L << 20);
        assertThat(config.getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(config.getLogConfig().getType()).isEqualTo(LogConfig.LoggingType.NONE);
        assertThat(ulimits(config)).containsEntry("msgqueue", 0L);
        assertThat(config.getBinds()).isNullOrEmpty();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void networkOnlyWhenGranted(boolean gvisor) {
        assertThat(HardenedHostConfig.forExecution(runtime(gvisor), LIMITS, false, SETTINGS).getNetworkMode())
                .isEqualTo("none");
        assertThat(HardenedHostConfig.forExecution(runtime(gvisor), LIMITS, true, SETTINGS).getNetworkMode())
                .isEqualTo("bridge");
    }

    @Test
    void onRuncTheProcessLimitIsThePidsCgroup() {
        HostConfig config = HardenedHostConfig.forExecution(runtime(false), LIMITS, false, SETTINGS);

        assertThat(config.getRuntime()).isEqualTo("runc");
        assertThat(config.getPidsLimit()).isEqualTo(40L);
        assertThat(ulimits(config)).doesNotContainKey("nproc");
    }

    @Test
    void onGvisorTheProcessLimitIsSetInItsKernelAndTheCgroupLeavesRoomForItsThreads() {
        HostConfig config = HardenedHostConfig.forExecution(runtime(true), LIMITS, false, SETTINGS);

        assertThat(config.getRuntime()).isEqualTo("runsc");
        assertThat(ulimits(config)).containsEntry("nproc", 40L);
        assertThat(config.getPidsLimit()).isEqualTo(128 + 20 * 40L);
        assertThat(HardenedHostConfig.forExecution(runtime(true), LIMITS.withMaxProcesses(2), false, SETTINGS)
                .getPidsLimit()).isEqualTo(256L);
    }

    @Test
    void diskRatesApplyToTheConfiguredDevices() {
        HostConfig config = HardenedHostConfig.forExecution(runtime(false), LIMITS, false, SETTINGS);

        assertThat(config.getBlkioDeviceReadBps()).extracting(BlkioRateDevice::getPath, BlkioRateDevice::getRate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/dev/vda", 2_000_000L));
        assertThat(config.getBlkioDeviceWriteBps()).extracting(BlkioRateDevice::getRate).containsExactly(1_000_000L);
    }

    @Test
    void withoutConfiguredDevicesNoDiskRatesAreSet() {
        DockerSandboxSettings noDevices = new DockerSandboxSettings("node", "instance", "65534:65534", "bridge",
                List.of());

        HostConfig config = HardenedHostConfig.forExecution(runtime(false), LIMITS, false, noDevices);

        assertThat(config.getBlkioDeviceReadBps()).isNullOrEmpty();
        assertThat(config.getBlkioDeviceWriteBps()).isNullOrEmpty();
    }

    /** The pool's idle process holds one process for the container's life; the agent still gets all it asked for. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aWarmContainerIsHardenedAlikeWithoutNetworkAndOneProcessForTheIdleCommand(boolean gvisor) {
        HostConfig warm = HardenedHostConfig.forWarmContainer(runtime(gvisor), LIMITS, SETTINGS);
        HostConfig cold = HardenedHostConfig.forExecution(runtime(gvisor), LIMITS.withMaxProcesses(41), false,
                SETTINGS);

        assertThat(warm.getNetworkMode()).isEqualTo("none");
        assertThat(warm).usingRecursiveComparison().isEqualTo(cold);
    }

    private static DockerRuntime runtime(boolean gvisor) {
        return gvisor ? DockerRuntime.gvisor("runsc") : DockerRuntime.runc("runc");
    }

    private static Map<String, Long> ulimits(HostConfig config) {
        return Arrays.stream(config.getUlimits()).collect(Collectors.toMap(Ulimit::getName, Ulimit::getHardLong));
    }
}
