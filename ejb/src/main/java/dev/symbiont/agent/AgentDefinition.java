package dev.symbiont.agent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an agent is: identity, capabilities, limits and security profile. Immutable; replaced as a whole.
 * Syntactic validity is checked at the API boundary; {@link AgentConfigurationValidator} judges whether this node
 * can run it.
 */
public record AgentDefinition(String name, String version, String description, List<String> capabilities,
                              ResourceLimits resourceLimits, SandboxTierPreference sandboxTier,
                              boolean requiresNetwork, boolean requiresFilesystem, List<String> externalApis,
                              DataSensitivity dataSensitivity, Map<String, String> metadata) {

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
}
