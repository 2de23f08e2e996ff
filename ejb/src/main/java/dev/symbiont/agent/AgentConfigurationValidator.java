package dev.symbiont.agent;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The "validating configuration" step of Initializing: whether this node can run a well-formed definition.
 * A problem here does not reject the request; it moves the agent to Failed with the problems as the reason,
 * so the attempt stays on record.
 */
public final class AgentConfigurationValidator {

    private final NodeLimits limits;

    public AgentConfigurationValidator(NodeLimits limits) {
        this.limits = limits;
    }

    public List<String> problems(AgentDefinition definition) {
        var problems = new ArrayList<String>();
        ResourceLimits r = definition.resourceLimits();
        if (r.memoryMb() > limits.maxMemoryMb()) {
            problems.add("memory_mb " + r.memoryMb() + " exceeds this node's maximum of " + limits.maxMemoryMb());
        }
        if (r.cpuCores() > limits.maxCpuCores()) {
            problems.add("cpu_cores " + r.cpuCores() + " exceeds this node's maximum of " + limits.maxCpuCores());
        }
        if (r.diskIoMbps() > limits.maxDiskIoMbps()) {
            problems.add("disk_io_mbps " + r.diskIoMbps() + " exceeds the maximum of " + limits.maxDiskIoMbps());
        }
        if (r.networkIoMbps() > limits.maxNetworkIoMbps()) {
            problems.add("network_io_mbps " + r.networkIoMbps() + " exceeds the maximum of "
                    + limits.maxNetworkIoMbps());
        }
        if (r.executionTimeout().compareTo(limits.maxExecutionTimeout()) > 0) {
            problems.add("execution_timeout " + r.executionTimeout() + " exceeds the maximum of "
                    + limits.maxExecutionTimeout());
        }
        if (!definition.externalApis().isEmpty() && !definition.requiresNetwork()) {
            problems.add("external_apis are declared but requires_network is false");
        }
        if (r.networkIoMbps() == 0 && definition.requiresNetwork()) {
            problems.add("requires_network is true but network_io_mbps is 0");
        }
        for (String api : definition.externalApis()) {
            if (!isHttpUrl(api)) {
                problems.add("external API '" + api + "' is not an absolute http(s) URL with a host");
            }
        }
        return problems;
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
