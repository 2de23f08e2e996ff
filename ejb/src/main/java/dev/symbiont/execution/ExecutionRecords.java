package dev.symbiont.execution;

import dev.symbiont.agent.Agent;
import dev.symbiont.agent.AgentDefinition;
import dev.symbiont.agent.AgentNotFoundException;
import dev.symbiont.agent.AgentNotRunnableException;
import dev.symbiont.agent.AgentPolicyContexts;
import dev.symbiont.agent.AgentRepository;
import dev.symbiont.agent.ExecutionSpec;
import dev.symbiont.agent.ResourceLimits;
import dev.symbiont.agent.SandboxTierPreference;
import dev.symbiont.audit.AuditEntry;
import dev.symbiont.audit.AuditEventType;
import dev.symbiont.audit.AuditTrail;
import dev.symbiont.audit.format.Hashes;
import dev.symbiont.policy.PolicyAction;
import dev.symbiont.policy.PolicyCondition;
import dev.symbiont.policy.PolicyDecision;
import dev.symbiont.policy.PolicyEnforcer;
import dev.symbiont.runtime.Ids;
import dev.symbiont.runtime.NodeIdentity;
import dev.symbiont.sandbox.ExecutionRequest;
import dev.symbiont.sandbox.ExecutionResult;
import dev.symbiont.sandbox.SandboxLimits;
import dev.symbiont.sandbox.SecurityTier;
import dev.symbiont.sandbox.risk.RiskConfiguration;
import dev.symbiont.sandbox.risk.RiskFactors;
import dev.symbiont.sandbox.risk.TierChoice;
import dev.symbiont.security.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The transactional steps of an execution, each committed with its audit event: the decision to run (policy,
 * risk, tier) recorded as RUNNING before anything starts, and the end recorded once. The run itself happens
 * between them, outside any transaction ({@link AgentExecutions}).
 */
@Stateless
public class ExecutionRecords {

    /** What an execution can apply of a sandbox.exec decision's conditions; any other makes it a deny. */
    private static final Set<Class<? extends PolicyCondition>> APPLIED = Set.of(
            PolicyCondition.MinimumSandboxTier.class, PolicyCondition.MaxMemoryMb.class,
            PolicyCondition.MaxCpuCores.class, PolicyCondition.AuditLevel.class);

    @PersistenceContext(unitName = "symbiont")
    EntityManager em;

    @Inject
    AgentRepository agents;

    @Inject
    PolicyEnforcer policy;

    @Inject
    RiskConfiguration risk;

    @Inject
    ExecutionSettings settings;

    @Inject
    NodeIdentity node;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    /**
     * Decides whether and where the agent runs, and records it as running.
     *
     * @throws dev.symbiont.policy.PolicyDeniedException      when sandbox.exec is denied
     * @throws dev.symbiont.agent.AgentNotRunnableException  when the agent is not Ready or has nothing to run
     */
    public ExecutionPlan plan(UUID agentId, ExecutionInput input, Caller caller) {
        Agent agent = agent(agentId);
        ExecutionSpec spec = agent.requireRunnable();
        return plan(agent, spec, agent.definition().resourceLimits(), input, caller, caller.actor());
    }

    /**
     * The same decision for a scheduled task, which asks for its own resources (within what its submission was
     * allowed) and whose agent the scheduler moves through its lifecycle itself. Joins the caller's transaction.
     *
     * @throws dev.symbiont.policy.PolicyDeniedException      when sandbox.exec is denied
     * @throws dev.symbiont.agent.AgentNotRunnableException  when the agent has nothing to run
     */
    public ExecutionPlan planTask(Agent agent, ResourceLimits requested, ExecutionInput input, String actor) {
        ExecutionSpec spec = agent.definition().executionSpec().orElseThrow(() -> new AgentNotRunnableException(
                agent.id(), "agent " + agent.id() + " has no execution spec (image and command)"));
        return plan(agent, spec, requested, input, null, actor);
    }

    /** Checks sandbox.exec for a submitter before their task is queued; conditions are applied when it runs. */
    public void requireExecAllowed(Agent agent, int inputBytes, Caller caller) {
        ExecutionSpec spec = agent.definition().executionSpec().orElseThrow(() -> new AgentNotRunnableException(
                agent.id(), "agent " + agent.id() + " has no execution spec (image and command)"));
        policy.enforce(AgentPolicyContexts.forExecution(agent, spec, inputBytes, Set.of(), caller),
                PolicyAction.SANDBOX_EXEC, caller.actor(), APPLIED);
    }

    /** @param caller null for the runtime itself (policy role {@code runtime}), acting as {@code actor} */
    private ExecutionPlan plan(Agent agent, ExecutionSpec spec, ResourceLimits requested, ExecutionInput input,
                               Caller caller, String actor) {
        UUID agentId = agent.id();
        PolicyDecision decision = policy.enforce(AgentPolicyContexts.forExecution(agent, spec, input.size(),
                input.environment().keySet(), caller), PolicyAction.SANDBOX_EXEC, actor, APPLIED);
        List<PolicyCondition> conditions = decision instanceof PolicyDecision.AllowWithConditions c
                ? c.conditions() : List.of();
        AgentDefinition constrained = agent.definition().withResourceLimits(requested).constrainedBy(conditions);
        TierChoice choice = risk.choose(RiskFactors.of(constrained, risk.trustedImages().trustOf(spec.image())),
                agent.definition().sandboxTier(), policyMinimum(conditions));
        SandboxLimits limits = settings.limitsFor(agentId, constrained.resourceLimits());
        // Network only for an agent that declares it needs it, and only because this decision allowed that.
        boolean network = constrained.requiresNetwork();
        TierPlacement placement = new TierPlacement(SecurityTier.valueOf(choice.tier().name()),
                choice.assessment().score(), choice.assessment().contributions(), choice.reason(), network, limits);
        Map<String, String> environment = new LinkedHashMap<>(spec.environment());
        environment.putAll(input.environment());
        ExecutionRequest request = new ExecutionRequest(Ids.newId(), spec.image(), spec.command(), environment,
                input.stdin(), limits, network);
        Execution running = new Execution(request.executionId(), agentId, node.nodeId(), ExecutionStatus.RUNNING,
                actor, now(), Optional.empty(), spec.image(), spec.command(), input.size(), sha256(input),
                Optional.of(placement), null, Optional.empty());
        em.runWithConnection((Connection connection) -> ExecutionRows.insert(connection, running));
        audit.record(AuditEntry.of(AuditEventType.SANDBOX_EXECUTION_STARTED, running.requestedAt(), agentId,
                actor, startedDetails(running, placement)));
        return new ExecutionPlan(agentId, request, placement);
    }

    /** Records an attempt policy denied, so the agent's executions show it next to the policy decision. */
    public void denied(UUID agentId, ExecutionInput input, Caller caller, String reason) {
        denied(agentId, input, caller.actor(), reason);
    }

    /** The same for a task the scheduler was about to run, acting for its submitter. */
    public void denied(UUID agentId, ExecutionInput input, String actor, String reason) {
        Agent agent = agent(agentId);
        String image = agent.definition().executionSpec().map(ExecutionSpec::image).orElse("");
        List<String> command = agent.definition().executionSpec().map(ExecutionSpec::command).orElse(List.of());
        Instant now = now();
        Execution denied = new Execution(Ids.newId(), agentId, node.nodeId(), ExecutionStatus.POLICY_DENIED,
                actor, now, Optional.of(now), image, command, input.size(), sha256(input), Optional.empty(),
                reason, Optional.empty());
        em.runWithConnection((Connection connection) -> ExecutionRows.insert(connection, denied));
        audit.record(AuditEntry.of(AuditEventType.SANDBOX_EXECUTION_ENDED, now, agentId, actor,
                Map.of("execution_id", denied.id().toString(), "status", denied.status().label(), "reason", reason)));
    }

    /** Records how a process that ran ended, or a run stopped before its process started. */
    public Execution finish(ExecutionPlan plan, ExecutionResult result, String actor) {
        ExecutionStatus status = ExecutionStatus.of(result.termination());
        var outcome = new ExecutionOutcome(result.exitCode(), result.warm(), result.stdout(), result.stderr(),
                result.duration(), result.startup(), result.firstOutput(), result.peakMemoryBytes(),
                result.cpuTime());
        Instant now = now();
        em.runWithConnection((Connection connection) -> ExecutionRows.finish(connection, plan.executionId(), status,
                outcome, result.stopReason().orElse(null), now));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("execution_id", plan.executionId().toString());
        details.put("status", status.label());
        details.put("tier", plan.placement().tier().name().toLowerCase());
        details.put("exit_code", outcome.exitCode());
        details.put("duration_ms", outcome.duration().toMillis());
        details.put("warm", outcome.warm());
        details.put("stdout_bytes", outcome.stdout().totalBytes());
        details.put("stdout_sha256", Hashes.hex(Hashes.sha256(outcome.stdout().bytes())));
        details.put("stderr_bytes", outcome.stderr().totalBytes());
        details.put("stderr_sha256", Hashes.hex(Hashes.sha256(outcome.stderr().bytes())));
        outcome.peakMemoryBytes().ifPresent(peak -> details.put("peak_memory_bytes", peak));
        countUsage(plan.placement().tier(), outcome);
        result.stopReason().ifPresent(reason -> details.put("reason", reason));
        audit.record(AuditEntry.of(AuditEventType.SANDBOX_EXECUTION_ENDED, now, plan.agentId(), actor, details));
        return find(plan.agentId(), plan.executionId());
    }

    /** Records an execution that ended without a process outcome: refused by its tier, or failed. */
    public Execution end(ExecutionPlan plan, ExecutionStatus status, String reason, String actor) {
        Instant now = now();
        em.runWithConnection((Connection connection) -> ExecutionRows.end(connection, plan.executionId(), status,
                reason, now));
        audit.record(AuditEntry.of(AuditEventType.SANDBOX_EXECUTION_ENDED, now, plan.agentId(), actor, Map.of(
                "execution_id", plan.executionId().toString(), "status", status.label(),
                "tier", plan.placement().tier().name().toLowerCase(), "reason", reason)));
        return find(plan.agentId(), plan.executionId());
    }

    /** At startup: what this node was running when it stopped did not end by itself. */
    public List<Execution> interruptRunning() {
        Instant now = now();
        List<Execution> interrupted = em.callWithConnection((Connection connection) ->
                ExecutionRows.interruptRunning(connection, node.nodeId(), "the server stopped during the execution",
                        now));
        for (Execution e : interrupted) {
            audit.record(AuditEntry.of(AuditEventType.SANDBOX_EXECUTION_ENDED, now, e.agentId(), "runtime", Map.of(
                    "execution_id", e.id().toString(), "status", e.status().label(), "reason", e.reason())));
        }
        return interrupted;
    }

    public Execution find(UUID agentId, UUID executionId) {
        return em.callWithConnection((Connection connection) -> ExecutionRows.find(connection, agentId, executionId))
                .orElseThrow(() -> new ExecutionNotFoundException(agentId, executionId));
    }

    public List<Execution> page(UUID agentId, UUID after, int limit) {
        agent(agentId);
        return em.callWithConnection((Connection connection) -> ExecutionRows.page(connection, agentId, after, limit));
    }

    private Agent agent(UUID id) {
        return agents.find(id).orElseThrow(() -> new AgentNotFoundException(id));
    }

    /** The node's measured sandbox usage in /metrics, per tier (per agent it is summed from the rows instead). */
    private void countUsage(SecurityTier tier, ExecutionOutcome outcome) {
        Tag t = new Tag("tier", tier.name().toLowerCase());
        metrics.counter("symbiont.sandbox.run.milliseconds", t).inc(outcome.duration().toMillis());
        outcome.cpuTime().ifPresent(cpu -> metrics.counter("symbiont.sandbox.cpu.milliseconds", t).inc(cpu.toMillis()));
    }

    private static SandboxTierPreference policyMinimum(List<PolicyCondition> conditions) {
        return conditions.stream()
                .filter(PolicyCondition.MinimumSandboxTier.class::isInstance)
                .map(c -> ((PolicyCondition.MinimumSandboxTier) c).tier())
                .findFirst().orElse(SandboxTierPreference.AUTO);
    }

    private static Map<String, Object> startedDetails(Execution e, TierPlacement p) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("execution_id", e.id().toString());
        details.put("image", e.image());
        details.put("command", e.command());
        details.put("input_bytes", e.inputBytes());
        details.put("input_sha256", e.inputSha256());
        details.put("tier", p.tier().name().toLowerCase());
        details.put("risk_score", p.riskScore());
        details.put("risk_contributions", p.riskContributions());
        details.put("tier_reason", p.reason());
        details.put("network_granted", p.networkGranted());
        details.put("memory_bytes", p.limits().memoryBytes());
        details.put("cpus", p.limits().cpus());
        details.put("timeout_ms", p.limits().timeout().toMillis());
        return details;
    }

    private static String sha256(ExecutionInput input) {
        return Hashes.hex(Hashes.sha256(input.stdin()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
