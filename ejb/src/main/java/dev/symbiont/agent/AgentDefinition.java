package dev.symbiont.agent;

import dev.symbiont.policy.PolicyCondition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an agent is: identity, capabilities, limits and security profile. Immutable; replaced as a whole.
 * Syntactic validity is checked at the API boundary; {@link AgentConfigurationValidator} judges whether this node
 * can run it. {@code execution} is absent for an agent that is only registered, not run in the sandbox.
 */
public record AgentDefinition(String name, String version, String description, List<String> capabilities,
                              ResourceLimits resourceLimits, SandboxTierPreference sandboxTier,
                              boolean requiresNetwork, boolean requiresFilesystem, List<String> externalApis,
                              DataSensitivity dataSensitivity, Map<String, String> metadata,
                              ExecutionSpec execution) {

    public AgentDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(resourceLimits, "resourceLimits");
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
        externalApis = externalApis == null ? List.of() : List.copyOf(externalApis);
        sandboxTier = sandboxTier == null ? SandboxTierPreference.AUTO : sandboxTier;
        dataSensitivity = dataSensitivity == null ? DataSensitivity.INTERNAL : dataSensitivity;
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    public Optional<ExecutionSpec> executionSpec() {
        return Optional.ofNullable(execution);
    }

    /** This definition asking for other resources, e.g. one task's request. */
    public AgentDefinition withResourceLimits(ResourceLimits limits) {
        return new AgentDefinition(name, version, description, capabilities, limits, sandboxTier, requiresNetwork,
                requiresFilesystem, externalApis, dataSensitivity, metadata, execution);
    }

    /**
     * This definition with a policy decision's conditions applied: resource ceilings lower the limits, a minimum
     * sandbox tier raises the tier (never lowers it). Conditions about other things leave it unchanged.
     */
    public AgentDefinition constrainedBy(List<PolicyCondition> conditions) {
        ResourceLimits limits = resourceLimits;
        SandboxTierPreference tier = sandboxTier;
        for (PolicyCondition condition : conditions) {
            switch (condition) {
                case PolicyCondition.MaxMemoryMb max -> limits = new ResourceLimits(
                        Math.min(limits.memoryMb(), max.value()), limits.cpuCores(), limits.diskIoMbps(),
                        limits.networkIoMbps(), limits.executionTimeout());
                case PolicyCondition.MaxCpuCores max -> limits = new ResourceLimits(limits.memoryMb(),
                        Math.min(limits.cpuCores(), max.value()), limits.diskIoMbps(), limits.networkIoMbps(),
                        limits.executionTimeout());
                case PolicyCondition.MinimumSandboxTier min -> tier = min.tier().compareTo(tier) > 0 ? min.tier() : tier;
                default -> { }
            }
        }
        return new AgentDefinition(name, version, description, capabilities, limits, tier, requiresNetwork,
                requiresFilesystem, externalApis, dataSensitivity, metadata, execution);
    }
}
