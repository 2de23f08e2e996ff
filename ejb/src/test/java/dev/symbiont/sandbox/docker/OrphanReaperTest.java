package dev.symbiont.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.symbiont.sandbox.SandboxLimits;
import dev.symbiont.sandbox.SecurityTier;
import dev.symbiont.sandbox.engine.LocalDockerEngine;
import dev.symbiont.sandbox.engine.LocalDockerEngineExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Containers a crashed server left behind are removed on the next start, and only those. */
@Tag("sandbox")
@ExtendWith(LocalDockerEngineExtension.class)
class OrphanReaperTest {

    private final LocalDockerEngine engine;
    private final DockerClient client;
    private final List<String> created = new ArrayList<>();

    OrphanReaperTest(LocalDockerEngine engine) {
        this.engine = engine;
        this.client = engine.engine().client();
    }

    @ParameterizedTest
    @EnumSource(SecurityTier.class)
    void aRunningLeftoverOfAnEarlierInstanceIsReaped(SecurityTier tier) {
        DockerSandboxSettings earlierLife = settingsWith(TierSandboxes.NODE, "crashed-" + UUID.randomUUID());
        String leftover = runningSandboxContainer(tier, earlierLife);

        List<String> reaped = new OrphanReaper(engine.engine(), TierSandboxes.settings(engine)).reapOrphans();

        assertThat(reaped).contains(leftover);
        assertThat(exists(leftover)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(SecurityTier.class)
    void containersOfTheCurrentInstanceAndOfOtherNodesAreKept(SecurityTier tier) {
        String current = runningSandboxContainer(tier, TierSandboxes.settings(engine));
        String otherNode = runningSandboxContainer(tier, settingsWith("other-node", "crashed-" + UUID.randomUUID()));

        List<String> reaped = new OrphanReaper(engine.engine(), TierSandboxes.settings(engine)).reapOrphans();

        assertThat(reaped).doesNotContain(current, otherNode);
        assertThat(exists(current)).isTrue();
        assertThat(exists(otherNode)).isTrue();
    }

    @AfterEach
    void removeWhatThisTestCreated() {
        created.forEach(id -> {
            try {
                client.removeContainerCmd(id).withForce(true).exec();
            } catch (NotFoundException gone) {
                // reaped
            }
        });
    }

    private DockerSandboxSettings settingsWith(String node, String instance) {
        DockerSandboxSettings ours = TierSandboxes.settings(engine);
        return new DockerSandboxSettings(node, instance, ours.user(), ours.grantedNetwork(), ours.blkioDevices());
    }

    /** A container as the orchestrator creates it, still running, as after a crash mid-execution. */
    private String runningSandboxContainer(SecurityTier tier, DockerSandboxSettings settings) {
        String id = client.createContainerCmd(engine.image())
                .withCmd("sleep", "60")
                .withUser(settings.user())
                .withLabels(SandboxLabels.of(settings, tier, UUID.randomUUID()))
                .withHostConfig(HardenedHostConfig.forExecution(TierSandboxes.runtime(engine, tier),
                        SandboxLimits.modest(Duration.ofMinutes(1)), false, settings))
                .exec().getId();
        created.add(id);
        client.startContainerCmd(id).exec();
        return id;
    }

    private boolean exists(String id) {
        try {
            client.inspectContainerCmd(id).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
