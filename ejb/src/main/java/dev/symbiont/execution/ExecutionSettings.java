package dev.symbiont.execution;

import dev.symbiont.agent.AgentNotRunnableException;
import dev.symbiont.agent.ResourceLimits;
import dev.symbiont.sandbox.SandboxLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How executions are bounded on this node beyond each agent's own limits (symbiont.sandbox.*), and how an agent's
 * {@link ResourceLimits} become the sandbox's. disk_io_mbps is read as megabytes (10^6 bytes) per second, applied
 * to reads and writes each; network_io_mbps cannot be enforced by the engine and is only recorded.
 */
@ApplicationScoped
public class ExecutionSettings {

    @Inject
    @ConfigProperty(name = "symbiont.sandbox.max-concurrent-executions", defaultValue = "16")
    int maxConcurrent;

    @Inject
    @ConfigProperty(name = "symbiont.sandbox.max-input-bytes", defaultValue = "262144")
    int maxInputBytes;

    @Inject
    @ConfigProperty(name = "symbiont.sandbox.output-cap-bytes", defaultValue = "262144")
    long outputCapBytes;

    @Inject
    @ConfigProperty(name = "symbiont.sandbox.scratch-mb", defaultValue = "64")
    long scratchMb;

    @Inject
    @ConfigProperty(name = "symbiont.sandbox.max-processes", defaultValue = "128")
    int maxProcesses;

    public int maxConcurrent() {
        return maxConcurrent;
    }

    public void checkInput(ExecutionInput input) {
        checkInputSize(input.size());
    }

    /** Also for a task's input, which becomes an execution's when the task runs. */
    public void checkInputSize(int size) {
        if (size > maxInputBytes) {
            throw new ExecutionInputTooLargeException(size, maxInputBytes);
        }
    }

    /** The sandbox limits of an agent's (policy-constrained) resource limits; scratch space never exceeds memory. */
    public SandboxLimits limitsFor(UUID agentId, ResourceLimits limits) {
        long memory = (long) limits.memoryMb() << 20;
        if (memory < SandboxLimits.MIN_MEMORY_BYTES) {
            throw new AgentNotRunnableException(agentId, "memory_mb " + limits.memoryMb()
                    + " is below the sandbox's minimum of 6");
        }
        long diskBytesPerSecond = limits.diskIoMbps() * 1_000_000L;
        return new SandboxLimits(memory, limits.cpuCores(), maxProcesses, Math.min(scratchMb << 20, memory),
                limits.executionTimeout(), outputCapBytes, diskBytesPerSecond, diskBytesPerSecond);
    }
}
