package dev.symbiont.scheduler;

import dev.symbiont.agent.Agent;
import dev.symbiont.agent.AgentPolicyContexts;
import dev.symbiont.policy.PolicyContext;
import dev.symbiont.security.Caller;
import java.util.HashMap;
import java.util.Map;

/**
 * What resource.allocate rules see of a scheduling action: the agent's attributes, the operation ({@code submit},
 * {@code start}, {@code cancel}, {@code preempt} — the last decided for each victim, on its own request), the
 * priority, each requested resource, and whether the request goes above the agent's own limits
 * ({@code above_agent_limits}, the attribute the shipped policy keys on).
 */
final class TaskPolicyContexts {

    private TaskPolicyContexts() {
    }

    static PolicyContext of(Agent agent, String operation, TaskPriority priority, ResourceRequest request,
                            Caller caller) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("operation", operation);
        attributes.put("priority", priority.label());
        attributes.put("request.memory_mb", request.memoryMb());
        attributes.put("request.cpu_cores", request.cpuCores());
        attributes.put("request.disk_io_mbps", request.diskIoMbps());
        attributes.put("request.network_io_mbps", request.networkIoMbps());
        attributes.put("request.timeout_seconds", request.timeout().toSeconds());
        attributes.put("above_agent_limits", !request.within(agent.definition().resourceLimits()));
        return AgentPolicyContexts.forAgentAction(agent, "tasks", attributes, caller);
    }
}
