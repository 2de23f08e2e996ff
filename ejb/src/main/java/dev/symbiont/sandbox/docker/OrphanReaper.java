package dev.symbiont.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import java.util.List;
import java.util.Map;

/**
 * Removes sandbox containers this node left behind in an earlier life (a crash, a kill -9): every container
 * labelled with this node whose instance label is not the current one. Safe while executions run, since those
 * carry the current instance.
 */
public final class OrphanReaper {

    private final DockerClient client;
    private final DockerSandboxSettings settings;

    public OrphanReaper(DockerEngine engine, DockerSandboxSettings settings) {
        this.client = engine.client();
        this.settings = settings;
    }

    /** @return the ids of the containers removed */
    public List<String> reapOrphans() {
        List<Container> ours = client.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(SandboxLabels.SANDBOX, "true", SandboxLabels.NODE, settings.nodeId()))
                .exec();
        return ours.stream()
                .filter(c -> !settings.instanceId().equals(c.getLabels().get(SandboxLabels.INSTANCE)))
                .map(Container::getId)
                .filter(this::remove)
                .toList();
    }

    private boolean remove(String id) {
        try {
            client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
