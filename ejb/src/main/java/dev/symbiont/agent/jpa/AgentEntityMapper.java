package dev.symbiont.agent.jpa;

import dev.symbiont.agent.Agent;
import dev.symbiont.agent.AgentDefinition;
import dev.symbiont.agent.DataSensitivity;
import dev.symbiont.agent.ExecutionSpec;
import dev.symbiont.agent.ResourceLimits;
import dev.symbiont.agent.SandboxTierPreference;
import dev.symbiont.lifecycle.AgentHistoryEntry;
import dev.symbiont.lifecycle.AgentState;
import dev.symbiont.lifecycle.LifecycleEvent;
import dev.symbiont.lifecycle.LifecycleEventKind;
import dev.symbiont.persistence.agent.AgentEntity;
import dev.symbiont.persistence.agent.AgentHistoryEntity;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Translates between the agent aggregate and its rows. */
final class AgentEntityMapper {

    private AgentEntityMapper() {
    }

    static Agent toAgent(AgentEntity e) {
        var limits = new ResourceLimits(e.getMemoryMb(), e.getCpuCores(), e.getDiskIoMbps(), e.getNetworkIoMbps(),
                Duration.ofMillis(e.getExecutionTimeoutMs()));
        var definition = new AgentDefinition(e.getName(), e.getVersion(), e.getDescription(),
                List.of(e.getCapabilities()), limits, SandboxTierPreference.valueOf(e.getSandboxTier()),
                e.isRequiresNetwork(), e.isRequiresFilesystem(), List.of(e.getExternalApis()),
                DataSensitivity.valueOf(e.getDataSensitivity()), e.getMetadata(), executionSpec(e));
        return Agent.restore(e.getId(), definition, AgentState.valueOf(e.getState()), e.getStateReason(),
                e.getStateChangedAt(), e.getCreatedAt(), e.getCreatedBy(), e.getUpdatedAt(), e.getRowVersion());
    }

    private static ExecutionSpec executionSpec(AgentEntity e) {
        return e.getExecImage() == null ? null
                : new ExecutionSpec(e.getExecImage(), List.of(e.getExecCommand()), e.getExecEnvironment());
    }

    static AgentEntity newEntity(Agent agent) {
        var e = new AgentEntity(agent.id());
        e.setCreatedAt(agent.createdAt());
        e.setCreatedBy(agent.createdBy());
        copyInto(agent, e);
        return e;
    }

    static void copyInto(Agent agent, AgentEntity e) {
        AgentDefinition d = agent.definition();
        ResourceLimits r = d.resourceLimits();
        e.setName(d.name());
        e.setVersion(d.version());
        e.setDescription(d.description());
        e.setCapabilities(d.capabilities().toArray(String[]::new));
        e.setMemoryMb(r.memoryMb());
        e.setCpuCores(r.cpuCores());
        e.setDiskIoMbps(r.diskIoMbps());
        e.setNetworkIoMbps(r.networkIoMbps());
        e.setExecutionTimeoutMs(r.executionTimeout().toMillis());
        e.setSandboxTier(d.sandboxTier().name());
        e.setRequiresNetwork(d.requiresNetwork());
        e.setRequiresFilesystem(d.requiresFilesystem());
        e.setExternalApis(d.externalApis().toArray(String[]::new));
        e.setDataSensitivity(d.dataSensitivity().name());
        e.setMetadata(d.metadata());
        ExecutionSpec exec = d.execution();
        e.setExecImage(exec == null ? null : exec.image());
        e.setExecCommand(exec == null ? null : exec.command().toArray(String[]::new));
        e.setExecEnvironment(exec == null ? null : exec.environment());
        e.setState(agent.state().name());
        e.setStateReason(agent.stateReason());
        e.setStateChangedAt(agent.stateChangedAt());
        e.setUpdatedAt(agent.updatedAt());
    }

    static AgentHistoryEntity toEntity(UUID agentId, LifecycleEvent event, long agentRevision) {
        return new AgentHistoryEntity(agentId, event.kind().name(), event.from() == null ? null : event.from().name(),
                event.to().name(), event.actor(), event.reason(), event.occurredAt(), agentRevision);
    }

    static AgentHistoryEntry toEntry(AgentHistoryEntity h) {
        return new AgentHistoryEntry(h.getId(), h.getAgentId(), LifecycleEventKind.valueOf(h.getEvent()),
                h.getFromState() == null ? null : AgentState.valueOf(h.getFromState()),
                AgentState.valueOf(h.getToState()), h.getActor(), h.getReason(), h.getOccurredAt(),
                h.getAgentVersion());
    }
}
