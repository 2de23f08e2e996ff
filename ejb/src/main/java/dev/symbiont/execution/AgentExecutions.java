package dev.symbiont.execution;

import dev.symbiont.policy.PolicyDeniedException;
import dev.symbiont.sandbox.ExecutionResult;
import dev.symbiont.sandbox.SandboxFailureException;
import dev.symbiont.sandbox.SandboxRequestRefusedException;
import dev.symbiont.sandbox.SandboxUnavailableException;
import dev.symbiont.sandbox.Sandboxes;
import dev.symbiont.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Runs an agent in the sandbox: decide and record (policy sandbox.exec, risk, tier), run in the chosen tier with
 * no transaction open, record the end. Every attempt leaves a row and audit events, whether it ran, was denied,
 * refused or failed; nothing runs outside a sandbox, so an unavailable tier is an error the caller sees (503).
 */
@ApplicationScoped
public class AgentExecutions {

    private static final Logger LOG = Logger.getLogger(AgentExecutions.class.getName());

    @Inject
    ExecutionRecords records;

    @Inject
    ExecutionSettings settings;

    @Inject
    Sandboxes sandboxes;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    private Semaphore permits;

    @PostConstruct
    void init() {
        permits = new Semaphore(settings.maxConcurrent());
    }

    /**
     * Runs the agent's execution spec with this input and returns the recorded execution.
     *
     * @throws ExecutionInputTooLargeException   input over symbiont.sandbox.max-input-bytes
     * @throws SandboxBusyException              the node runs its maximum of executions
     * @throws PolicyDeniedException             sandbox.exec denied (recorded as POLICY_DENIED)
     * @throws SandboxUnavailableException       the chosen tier cannot be reached (recorded as FAILED)
     * @throws SandboxRequestRefusedException    the chosen tier cannot run it safely (recorded as REFUSED)
     */
    public Execution execute(UUID agentId, ExecutionInput input, Caller caller) {
        settings.checkInput(input);
        if (!permits.tryAcquire()) {
            throw new SandboxBusyException(settings.maxConcurrent());
        }
        try {
            ExecutionPlan plan;
            try {
                plan = records.plan(agentId, input, caller);
            } catch (PolicyDeniedException denied) {
                records.denied(agentId, input, caller, denied.getMessage());
                count("policy_denied", "none");
                throw denied;
            }
            return run(plan, caller);
        } finally {
            permits.release();
        }
    }

    private Execution run(ExecutionPlan plan, Caller caller) {
        String tier = plan.placement().tier().name().toLowerCase();
        ExecutionResult result;
        try {
            result = sandboxes.tier(plan.placement().tier()).run(plan.request());
        } catch (SandboxUnavailableException e) {
            ended(plan, ExecutionStatus.FAILED, e.getMessage(), caller);
            throw e;
        } catch (SandboxRequestRefusedException e) {
            ended(plan, ExecutionStatus.REFUSED, e.getMessage(), caller);
            throw e;
        } catch (RuntimeException e) {
            // an engine failure mid-run (502), or a bug of ours (500): the record must end either way
            ended(plan, ExecutionStatus.FAILED, (e instanceof SandboxFailureException ? "sandbox failure: "
                    : "internal error: ") + e.getMessage(), caller);
            throw e;
        }
        Execution done = records.finish(plan, result, caller.actor());
        count(done.status().label(), tier);
        return done;
    }

    private void ended(ExecutionPlan plan, ExecutionStatus status, String reason, Caller caller) {
        count(status.label(), plan.placement().tier().name().toLowerCase());
        try {
            records.end(plan, status, reason, caller.actor());
        } catch (RuntimeException e) {
            // the row stays RUNNING and is marked interrupted at the next start; the caller hears the first error
            LOG.log(Level.WARNING, e, () -> "could not record the end of execution " + plan.executionId());
        }
    }

    /** symbiont_sandbox_executions_total{status, tier}. */
    private void count(String status, String tier) {
        metrics.counter("symbiont.sandbox.executions", new Tag("status", status), new Tag("tier", tier)).inc();
    }

    public Execution find(UUID agentId, UUID executionId) {
        return records.find(agentId, executionId);
    }

    public List<Execution> page(UUID agentId, UUID after, int limit) {
        return records.page(agentId, after, limit);
    }
}
