package dev.symbiont.agent;

import dev.symbiont.lifecycle.LifecycleCommand;
import dev.symbiont.policy.PolicyContext;
import dev.symbiont.security.Caller;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What policies see of an agent: the subject fields and the attributes rules can test, for creation (and
 * redefinition) and for lifecycle commands. Attribute names are the JSON names of the definition.
 */
public final class AgentPolicyContexts {

    private AgentPolicyContexts() {
    }

    /** A registration: the new agent's id is already drawn, but the resource is named as before it exists. */
    public static PolicyContext forRegistration(String newAgentId, AgentDefinition d, Caller caller) {
        return forDefinition(newAgentId, d, caller, "agents/" + d.name());
    }

    /** A redefinition of an existing agent. */
    public static PolicyContext forDefinition(String agentId, AgentDefinition d, Caller caller) {
        return forDefinition(agentId, d, caller, "agents/" + agentId);
    }

    private static PolicyContext forDefinition(String agentId, AgentDefinition d, Caller caller, String resource) {
        return new PolicyContext(agentId, d.name(), Set.copyOf(d.capabilities()), role(caller), d.sandboxTier(),
                d.dataSensitivity(), resource, attributes(d));
    }

    public static PolicyContext forCommand(Agent agent, LifecycleCommand command, Caller caller) {
        Map<String, Object> attributes = attributes(agent.definition());
        attributes.put("state", agent.state().label());
        attributes.put("target_state", command.target().label());
        attributes.put("command", command.label());
        AgentDefinition d = agent.definition();
        return new PolicyContext(agent.id().toString(), d.name(), Set.copyOf(d.capabilities()), role(caller),
                d.sandboxTier(), d.dataSensitivity(), "agents/" + agent.id() + "/" + command.label(), attributes);
    }

    /**
     * An execution in the sandbox (sandbox.exec): the agent's attributes plus its image, the size of the input and
     * the names of the caller's extra environment variables, so rules can limit what runs and with what.
     */
    public static PolicyContext forExecution(Agent agent, ExecutionSpec spec, int inputBytes,
                                             Set<String> extraEnvironment, Caller caller) {
        Map<String, Object> attributes = attributes(agent.definition());
        attributes.put("state", agent.state().label());
        attributes.put("image", spec.image());
        attributes.put("input_bytes", inputBytes);
        attributes.put("environment_names", String.join(",", new TreeSet<>(extraEnvironment)));
        AgentDefinition d = agent.definition();
        return new PolicyContext(agent.id().toString(), d.name(), Set.copyOf(d.capabilities()), role(caller),
                d.sandboxTier(), d.dataSensitivity(), "agents/" + agent.id() + "/execute", attributes);
    }

    /**
     * Any other action on an agent: its attributes and state plus the action's own (they win on a name clash), on
     * resource {@code agents/<id>/<path>}. Used by capabilities that build on agents, e.g. the scheduler's
     * resource.allocate.
     */
    public static PolicyContext forAgentAction(Agent agent, String path, Map<String, Object> actionAttributes,
                                               Caller caller) {
        Map<String, Object> attributes = attributes(agent.definition());
        attributes.put("state", agent.state().label());
        attributes.putAll(actionAttributes);
        AgentDefinition d = agent.definition();
        return new PolicyContext(agent.id().toString(), d.name(), Set.copyOf(d.capabilities()), role(caller),
                d.sandboxTier(), d.dataSensitivity(), "agents/" + agent.id() + "/" + path, attributes);
    }

    private static Map<String, Object> attributes(AgentDefinition d) {
        Map<String, Object> a = new HashMap<>();
        a.put("version", d.version());
        a.put("resource_limits.memory_mb", d.resourceLimits().memoryMb());
        a.put("resource_limits.cpu_cores", d.resourceLimits().cpuCores());
        a.put("resource_limits.disk_io_mbps", d.resourceLimits().diskIoMbps());
        a.put("resource_limits.network_io_mbps", d.resourceLimits().networkIoMbps());
        a.put("resource_limits.execution_timeout_seconds", d.resourceLimits().executionTimeout().toSeconds());
        a.put("requires_network", d.requiresNetwork());
        a.put("requires_filesystem", d.requiresFilesystem());
        a.put("external_api_count", d.externalApis().size());
        d.metadata().forEach((key, value) -> a.put("metadata." + key, value));
        return a;
    }

    private static String role(Caller caller) {
        return caller == null ? "runtime" : caller.role().label();
    }
}
