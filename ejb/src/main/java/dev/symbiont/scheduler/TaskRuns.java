package dev.symbiont.scheduler;

import dev.symbiont.agent.Agent;
import dev.symbiont.agent.AgentNotFoundException;
import dev.symbiont.agent.AgentNotRunnableException;
import dev.symbiont.agent.AgentRepository;
import dev.symbiont.agent.ResourceLimits;
import dev.symbiont.audit.AgentAuditEntries;
import dev.symbiont.audit.AuditEntry;
import dev.symbiont.audit.AuditEventType;
import dev.symbiont.audit.AuditTrail;
import dev.symbiont.execution.ExecutionInput;
import dev.symbiont.execution.ExecutionPlan;
import dev.symbiont.execution.ExecutionRecords;
import dev.symbiont.execution.ExecutionStatus;
import dev.symbiont.lifecycle.AgentState;
import dev.symbiont.lifecycle.LifecycleCommand;
import dev.symbiont.policy.PolicyAction;
import dev.symbiont.policy.PolicyCondition;
import dev.symbiont.policy.PolicyDeniedException;
import dev.symbiont.policy.PolicyEnforcer;
import dev.symbiont.runtime.NodeIdentity;
import dev.symbiont.sandbox.ExecutionResult;
import dev.symbiont.scheduler.queue.AgentSuspensions;
import dev.symbiont.scheduler.queue.RecoveredTasks;
import dev.symbiont.scheduler.queue.StoredTask;
import dev.symbiont.scheduler.queue.TaskRows;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The transactional steps of a task's run, each committed with its audit events and the agent's lifecycle move:
 * claim (the task is ours), start (policy, plan, agent Running), end (task state, agent Ready or Suspended). The
 * sandbox runs between start and end with no transaction open ({@link AgentScheduler}). A server death between
 * claim and end leaves the task running in the database; the restart rule ({@link #recover}) decides what then.
 */
@Stateless
public class TaskRuns {

    private static final Set<Class<? extends PolicyCondition>> ALLOCATION_CONDITIONS = Set.of(
            PolicyCondition.AuditLevel.class);

    @PersistenceContext(unitName = "symbiont")
    EntityManager em;

    @Resource(lookup = "jdbc/symbiont")
    DataSource dataSource;

    @Inject
    AgentRepository agents;

    @Inject
    PolicyEnforcer policy;

    @Inject
    ExecutionRecords executions;

    @Inject
    AuditTrail audit;

    @Inject
    NodeIdentity node;

    @Inject
    Clock clock;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    /** Takes the task for this node if it is still waiting and nobody else has it (FOR UPDATE SKIP LOCKED). */
    public Optional<StoredTask> claim(UUID taskId) {
        Instant now = now();
        return em.callWithConnection((Connection c) -> TaskRows.claim(c, taskId, node.nodeId(), now));
    }

    /**
     * Starts a claimed task: the agent moves to Running (from Ready, or from Suspended when it was suspended by a
     * preemption), policy decides resource.allocate and sandbox.exec for the runtime acting on the submitter's
     * task, and the execution is planned and recorded. Nothing of this is committed if any step throws. An agent
     * suspended otherwise (by an operator, or for a violation) holds its tasks: this one goes back to the queue
     * preempted, keeping its place, and starts once the agent is resumed.
     *
     * @throws dev.symbiont.policy.PolicyDeniedException a policy violation: see {@link #violated}
     * @throws AgentNotRunnableException                 the agent cannot run it: see {@link #abandon}
     */
    public TaskStart start(StoredTask task) {
        Agent agent = agents.find(task.agentId()).orElseThrow(() -> new AgentNotFoundException(task.agentId()));
        Instant now = now();
        String why = "task " + task.id() + " started (attempt " + task.attempts() + ")";
        switch (agent.state()) {
            case READY -> agent.apply(LifecycleCommand.START, AgentScheduler.ACTOR, why, now);
            case SUSPENDED -> {
                if (!em.callWithConnection((Connection c) -> AgentSuspensions.byPreemption(c, agent.id()))) {
                    String reason = "held: agent " + agent.id() + " is suspended (" + agent.stateReason()
                            + "); the task starts once the agent is resumed";
                    end(task, TaskState.PREEMPTED, reason, null, null, now);
                    return new TaskStart.Held(reason);
                }
                agent.apply(LifecycleCommand.RESUME, AgentScheduler.ACTOR, why, now);
            }
            case RUNNING -> { } // started or resumed by hand, or left so by a server that died during a task
            default -> throw new AgentNotRunnableException(agent.id(), "agent " + agent.id() + " is "
                    + agent.state().label() + "; its tasks cannot run");
        }
        policy.enforce(TaskPolicyContexts.of(agent, "start", task.priority(), task.resources(), null),
                PolicyAction.RESOURCE_ALLOCATE, AgentScheduler.ACTOR, ALLOCATION_CONDITIONS);
        byte[] input = em.callWithConnection((Connection c) -> TaskRows.input(c, task.id())).orElse(new byte[0]);
        ExecutionPlan plan = executions.planTask(agent, limits(task.resources()), new ExecutionInput(input,
                environment(task)), AgentScheduler.ACTOR + " for " + task.submittedBy());
        em.runWithConnection((Connection c) -> TaskRows.linkExecution(c, task.id(), plan.executionId()));
        AgentAuditEntries.of(agent).forEach(audit::record);
        agents.update(agent);
        audit.record(AuditEntry.of(AuditEventType.TASK_STARTED, now, task.agentId(), AgentScheduler.ACTOR,
                Map.of("task_id", task.id().toString(), "execution_id", plan.executionId().toString(),
                        "tier", plan.placement().tier().name().toLowerCase(), "attempt", task.attempts(),
                        "node_id", node.nodeId())));
        return new TaskStart.Planned(plan);
    }

    /**
     * Asks policy, before any victim is stopped, whether the runtime may preempt each one (resource.allocate with
     * operation = preempt, on the victim's agent and request): a deny rule protects an agent's running tasks from
     * preemption. Each decision is audited.
     *
     * @return the victims policy protects; the preemption is called off if there is any
     */
    public Set<UUID> protectedFrom(List<WaitingTask> victims) {
        Set<UUID> protectedVictims = new HashSet<>();
        for (WaitingTask victim : victims) {
            Optional<Agent> agent = agents.find(victim.agentId());
            if (agent.isEmpty()) {
                continue; // nothing to protect
            }
            try {
                policy.enforce(TaskPolicyContexts.of(agent.get(), "preempt", victim.priority(), victim.request(),
                        null), PolicyAction.RESOURCE_ALLOCATE, AgentScheduler.ACTOR, ALLOCATION_CONDITIONS);
            } catch (PolicyDeniedException e) {
                protectedVictims.add(victim.taskId());
            }
        }
        return protectedVictims;
    }

    /**
     * A claimed task policy denied at its start: it fails, and its agent is suspended for the violation (Ready or
     * Suspended -> Running -> Suspended, as the lifecycle has it) until an operator resumes it.
     *
     * @return whether the agent is now suspended for it, so that its other tasks are held
     */
    public boolean violated(StoredTask task, String reason) {
        Instant now = now();
        end(task, TaskState.FAILED, "policy violation at start: " + reason, null, null, now);
        Agent agent = agents.find(task.agentId()).orElseThrow(() -> new AgentNotFoundException(task.agentId()));
        String assigned = "task " + task.id() + " assigned";
        switch (agent.state()) {
            case READY -> agent.apply(LifecycleCommand.START, AgentScheduler.ACTOR, assigned, now);
            case SUSPENDED -> agent.apply(LifecycleCommand.RESUME, AgentScheduler.ACTOR, assigned, now);
            default -> { }
        }
        if (agent.state() != AgentState.RUNNING) {
            return false;
        }
        agent.apply(LifecycleCommand.SUSPEND, AgentScheduler.ACTOR, "policy violation by task " + task.id()
                + ": " + reason, now);
        AgentAuditEntries.of(agent).forEach(audit::record);
        agents.update(agent);
        return true;
    }

    /** A claimed task that cannot run (its agent was terminated meanwhile, or failed) ends with the reason. */
    public void abandon(StoredTask task, TaskState outcome, String reason) {
        end(task, outcome, reason, null, null, now());
    }

    /**
     * Records how the run ended, as the task's end (or its preemption) and the execution's, and moves the agent on:
     * back to Ready, or Suspended when preempted.
     */
    public StoredTask finish(StoredTask task, ExecutionPlan plan, ExecutionResult result, Optional<StopRequest> stop) {
        executions.finish(plan, result, AgentScheduler.ACTOR);
        TaskState outcome = switch (result.termination()) {
            case STOPPED -> stop.map(StopRequest::outcome).orElse(TaskState.CANCELLED);
            case TIMED_OUT -> TaskState.TIMED_OUT;
            case OOM_KILLED -> TaskState.FAILED;
            case EXITED -> result.exitCode() == 0 ? TaskState.SUCCEEDED : TaskState.FAILED;
        };
        String reason = switch (result.termination()) {
            case STOPPED -> stop.map(StopRequest::reason).orElse(result.stopReason().orElse("stopped"));
            case TIMED_OUT -> "killed at its timeout of " + task.resources().timeout();
            case OOM_KILLED -> "killed for exceeding its memory of " + task.resources().memoryMb() + " MB";
            case EXITED -> result.exitCode() == 0 ? null : "exited with status " + result.exitCode();
        };
        Integer exitCode = result.termination() == dev.symbiont.sandbox.Termination.STOPPED && result.exitCode() < 0
                ? null : result.exitCode();
        return settle(task, outcome, reason, exitCode, plan, now());
    }

    /** The sandbox could not run it (unavailable, refused, failed): the task fails with the execution. */
    public StoredTask failed(StoredTask task, ExecutionPlan plan, ExecutionStatus status, String reason) {
        executions.end(plan, status, reason, AgentScheduler.ACTOR);
        return settle(task, TaskState.FAILED, status.label() + ": " + reason, null, plan, now());
    }

    private StoredTask settle(StoredTask task, TaskState outcome, String reason, Integer exitCode, ExecutionPlan plan,
                              Instant now) {
        Integer code = outcome == TaskState.PREEMPTED ? null : exitCode;
        end(task, outcome, reason, code, plan.executionId(), now);
        Agent agent = agents.find(task.agentId()).orElseThrow(() -> new AgentNotFoundException(task.agentId()));
        if (agent.state() == AgentState.RUNNING) {
            if (outcome == TaskState.PREEMPTED) {
                agent.apply(LifecycleCommand.SUSPEND, AgentScheduler.ACTOR, "task " + task.id() + " " + reason, now);
            } else {
                agent.apply(LifecycleCommand.COMPLETE, AgentScheduler.ACTOR, "task " + task.id() + " "
                        + outcome.label(), now);
            }
            AgentAuditEntries.of(agent).forEach(audit::record);
            agents.update(agent);
        }
        return em.callWithConnection((Connection c) -> TaskRows.find(c, task.id())).orElseThrow();
    }

    private void end(StoredTask task, TaskState outcome, String reason, Integer exitCode, UUID executionId,
                     Instant now) {
        boolean moved = em.callWithConnection((Connection c) -> TaskRows.move(c, task.id(), TaskState.RUNNING,
                outcome, now, reason, outcome.isFinal() ? exitCode : null, executionId));
        if (!moved) {
            throw new IllegalStateException("task " + task.id() + " was not running when its run ended");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("task_id", task.id().toString());
        details.put("state", outcome.label());
        details.put("attempt", task.attempts());
        if (reason != null) {
            details.put("reason", reason);
        }
        if (exitCode != null && outcome.isFinal()) {
            details.put("exit_code", exitCode);
        }
        if (executionId != null) {
            details.put("execution_id", executionId.toString());
        }
        audit.record(AuditEntry.of(outcome == TaskState.PREEMPTED ? AuditEventType.TASK_PREEMPTED
                : AuditEventType.TASK_ENDED, now, task.agentId(), AgentScheduler.ACTOR, details));
        metrics.counter("symbiont.scheduler.task.runs", new Tag("outcome", outcome.label())).inc();
    }

    /**
     * At startup: tasks this node's previous server left running are queued again while they have attempts left,
     * else failed (at-least-once; see {@link TaskRows#recoverRunning}); their agents, left Running, become Ready.
     */
    public RecoveredTasks recover(Instant serverStart) {
        RecoveredTasks recovered = em.callWithConnection((Connection c) -> TaskRows.recoverRunning(c, node.nodeId(),
                serverStart));
        Instant now = now();
        for (StoredTask t : recovered.requeued()) {
            audit.record(AuditEntry.of(AuditEventType.TASK_REQUEUED, now, t.agentId(), AgentScheduler.ACTOR,
                    Map.of("task_id", t.id().toString(), "attempts", t.attempts(), "reason", t.reason().orElse(""))));
            readyAgain(t.agentId(), now);
        }
        for (StoredTask t : recovered.failed()) {
            audit.record(AuditEntry.of(AuditEventType.TASK_ENDED, now, t.agentId(), AgentScheduler.ACTOR,
                    Map.of("task_id", t.id().toString(), "state", t.state().label(),
                            "reason", t.reason().orElse(""))));
            readyAgain(t.agentId(), now);
        }
        return recovered;
    }

    private void readyAgain(UUID agentId, Instant now) {
        agents.find(agentId).filter(a -> a.state() == AgentState.RUNNING).ifPresent(agent -> {
            agent.apply(LifecycleCommand.COMPLETE, AgentScheduler.ACTOR, "the server restarted during its task", now);
            AgentAuditEntries.of(agent).forEach(audit::record);
            agents.update(agent);
        });
    }

    /** Suspended agents whose tasks are held until they are resumed (see {@link AgentSuspensions}). */
    public List<UUID> holdingAgents() {
        return em.callWithConnection(AgentSuspensions::holding);
    }

    /**
     * Streams every waiting task in claim order, so the scheduler can rebuild its queues at start. Read with a
     * cursor on a connection of its own (a JTA connection is not enlisted, so still in auto-commit, before its first
     * statement, and PostgreSQL only streams outside auto-commit); nothing is written.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long loadWaiting(Consumer<StoredTask> sink) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                return TaskRows.loadWaiting(c, sink);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not load the waiting tasks: " + e.getMessage(), e);
        }
    }

    private static ResourceLimits limits(ResourceRequest r) {
        return new ResourceLimits(r.memoryMb(), r.cpuCores(), r.diskIoMbps(), r.networkIoMbps(), r.timeout());
    }

    /** What the workload is told, so it can recognise a repeated run (at-least-once) and de-duplicate. */
    private static Map<String, String> environment(StoredTask task) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SYMBIONT_TASK_ID", task.id().toString());
        env.put("SYMBIONT_TASK_ATTEMPT", Integer.toString(task.attempts()));
        env.put("SYMBIONT_TASK_PRIORITY", task.priority().label());
        task.idempotencyKey().ifPresent(key -> env.put("SYMBIONT_IDEMPOTENCY_KEY", key));
        return env;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
