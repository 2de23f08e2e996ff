package dev.symbiont.policy;

import dev.symbiont.agent.DataSensitivity;
import dev.symbiont.agent.SandboxTierPreference;
import java.util.Map;
import java.util.Set;

/**
 * Who wants to act, on what, with which attributes. Subject fields may be null when not known at the enforcement
 * point; a rule that constrains an unknown field does not match.
 *
 * @param agentId        the agent acting or acted upon
 * @param agentName      its name
 * @param capabilities   its capabilities
 * @param role           the caller's role (admin, operator, auditor), or null for the runtime itself
 * @param sandboxTier    the agent's sandbox tier preference
 * @param dataSensitivity the agent's data sensitivity
 * @param resource       what is acted upon, e.g. "agents/3f2a.../suspend"
 * @param attributes     request attributes the rules' conditions test (dotted names, e.g. resource_limits.memory_mb)
 */
public record PolicyContext(String agentId, String agentName, Set<String> capabilities, String role,
                            SandboxTierPreference sandboxTier, DataSensitivity dataSensitivity, String resource,
                            Map<String, Object> attributes) {

    public PolicyContext {
        capabilities = capabilities == null ? Set.of() : capabilities;
        attributes = attributes == null ? Map.of() : attributes;
    }
}
