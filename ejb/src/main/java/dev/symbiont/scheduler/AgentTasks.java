package dev.symbiont.scheduler;

import dev.symbiont.agent.Agent;
import dev.symbiont.agent.AgentNotFoundException;
import dev.symbiont.agent.AgentNotRunnableException;
import dev.symbiont.agent.AgentRepository;
import dev.symbiont.audit.AuditEntry;
import dev.symbiont.audit.AuditEventType;
import dev.symbiont.audit.AuditTrail;
import dev.symbiont.execution.ExecutionRecords;
import dev.symbiont.execution.ExecutionSettings;
import dev.symbiont.lifecycle.AgentCommanded;
import dev.symbiont.lifecycle.AgentState;
import dev.symbiont.lifecycle.LifecycleCommand;
import dev.symbiont.policy.PolicyAction;
import dev.symbiont.policy.PolicyCondition;
import dev.symbiont.policy.PolicyDecision;
import dev.symbiont.policy.PolicyEnforcer;
import dev.symbiont.runtime.Ids;
import dev.symbiont.scheduler.queue.NewTask;
import dev.symbiont.scheduler.queue.StoredTask;
import dev.symbiont.scheduler.queue.TaskInsertion;
import dev.symbiont.scheduler.queue.TaskRows;
import dev.symbiont.scheduler.queue.TaskTransition;
import dev.symbiont.security.Caller;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Submitting, cancelling and reading tasks, each in one transaction with its audit event. A submission is checked
 * (agent, input, capacity, policy resource.allocate) and committed as queued before the scheduler hears of it, so
 * an acknowledged task survives any crash; the scheduler starts it after the commit ({@link TaskQueued}).
 */
@Stateless
public class AgentTasks {

    /** Agents whose tasks may queue: idle, busy with another task, or suspended by preemption. */
    private static final Set<AgentState> ACCEPTING = EnumSet.of(AgentState.READY, AgentState.RUNNING,
            AgentState.SUSPENDED);

    /** What a submission can apply of a resource.allocate decision's conditions; any other makes it a deny. */
    private static final Set<Class<? extends PolicyCondition>> APPLIED = Set.of(PolicyCondition.MaxMemoryMb.class,
            PolicyCondition.MaxCpuCores.class, PolicyCondition.AuditLevel.class);

    @PersistenceContext(unitName = "symbiont")
    EntityManager em;

    @Inject
    AgentRepository agents;

    @Inject
    PolicyEnforcer policy;

    @Inject
    AuditTrail audit;

    @Inject
    ExecutionSettings executionSettings;

    @Inject
    ExecutionRecords executions;

    @Inject
    SchedulerConfiguration configuration;

    @Inject
    AgentScheduler scheduler;

    @Inject
    Event<TaskQueued> queued;

    @Inject
    Event<TaskWithdrawn> withdrawn;

    @Inject
    Clock clock;

    /**
     * Queues a task, or finds the one an earlier submission with the same idempotency key queued.
     *
     * @throws AgentNotRunnableException          the agent cannot take tasks (not ready, running or suspended; no spec)
     * @throws ResourceRequestRejectedException   this node could never place the request
     * @throws IdempotencyKeyReusedException      the key was used for a different request
     * @throws dev.symbiont.policy.PolicyDeniedException resource.allocate, or sandbox.exec for this caller, denied
     */
    public TaskInsertion submit(UUID agentId, TaskSubmission submission, Caller caller) {
        Agent agent = agent(agentId);
        if (!ACCEPTING.contains(agent.state())) {
            throw new AgentNotRunnableException(agentId, "agent " + agentId + " is " + agent.state().label()
                    + "; tasks are accepted for ready, running or suspended agents");
        }
        agent.definition().executionSpec().orElseThrow(() -> new AgentNotRunnableException(agentId, "agent "
                + agentId + " has no execution spec (image and command); redefine it with one to give it tasks"));
        executionSettings.checkInputSize(submission.inputSize());
        ResourceRequest request = submission.resources().resolve(agent.definition().resourceLimits());
        PolicyDecision decision = policy.enforce(TaskPolicyContexts.of(agent, "submit", submission.priority(),
                request, caller), PolicyAction.RESOURCE_ALLOCATE, caller.actor(), APPLIED);
        request = constrained(request, decision);
        executions.requireExecAllowed(agent, submission.inputSize(), caller);
        try {
            scheduler.requirePlaceable(submission.priority(), request);
        } catch (UnschedulableTaskException e) {
            throw new ResourceRequestRejectedException(e.getMessage());
        }
        Instant now = now();
        NewTask task = new NewTask(Ids.newId(), agentId, submission.priority(), request, submission.input(),
                submission.idempotencyKey(), submission.maxAttempts().orElse(configuration.maxAttempts()),
                caller.actor(), now);
        TaskInsertion insertion = em.callWithConnection((Connection c) -> TaskRows.insert(c, task));
        switch (insertion.outcome()) {
            case KEY_REUSED -> throw new IdempotencyKeyReusedException(agentId, submission.idempotencyKey()
                    .orElseThrow(), insertion.task().id());
            case REPLAYED -> {
                return insertion;
            }
            case CREATED -> {
                audit.record(AuditEntry.of(AuditEventType.TASK_SUBMITTED, now, agentId, caller.actor(),
                        submittedDetails(insertion.task())));
                queued.fire(new TaskQueued(insertion.task()));
                return insertion;
            }
            default -> throw new IllegalStateException("unknown insertion outcome " + insertion.outcome());
        }
    }

    /**
     * Cancels a task: a waiting one at once (cancelled when this returns), a running one by stopping its sandbox
     * (it ends cancelled shortly after; the returned task is still running).
     *
     * @throws TaskNotCancellableException the task has already ended
     * @throws dev.symbiont.policy.PolicyDeniedException resource.allocate (operation cancel) denied to the caller
     */
    public StoredTask cancel(UUID agentId, UUID taskId, Caller caller) {
        Agent agent = agent(agentId);
        StoredTask task = taskOf(agentId, taskId);
        if (task.state().isFinal()) {
            throw new TaskNotCancellableException(taskId, task.state());
        }
        policy.enforce(TaskPolicyContexts.of(agent, "cancel", task.priority(), task.resources(), caller),
                PolicyAction.RESOURCE_ALLOCATE, caller.actor(), Set.of(PolicyCondition.AuditLevel.class));
        String reason = "cancelled by " + caller.actor();
        if (task.state().isWaiting()) {
            Instant now = now();
            boolean moved = em.callWithConnection((Connection c) -> TaskRows.move(c, taskId, task.state(),
                    TaskState.CANCELLED, now, reason, null, null));
            if (moved) {
                audit.record(AuditEntry.of(AuditEventType.TASK_ENDED, now, agentId, caller.actor(),
                        endedDetails(taskId, TaskState.CANCELLED, reason)));
                withdrawn.fire(new TaskWithdrawn(taskId));
                return taskOf(agentId, taskId);
            }
            // claimed meanwhile: it is running now, so it is stopped like any running task
            StoredTask now2 = taskOf(agentId, taskId);
            if (now2.state().isFinal()) {
                throw new TaskNotCancellableException(taskId, now2.state());
            }
        }
        if (!scheduler.cancelRunning(taskId, caller.actor())) {
            StoredTask current = taskOf(agentId, taskId);
            if (current.state() == TaskState.RUNNING) {
                // another node runs it, or one that died and has not restarted yet: only its node can stop it
                throw new TaskNotCancellableException(taskId, "it runs on node " + current.nodeId().orElse("?")
                        + ", not on this one; cancel it there");
            }
            return current;
        }
        return taskOf(agentId, taskId);
    }

    /**
     * A terminated agent takes its waiting tasks with it: they are cancelled in the terminating transaction, so no
     * task of a terminated agent is left waiting. A task still running (its agent was suspended a moment ago and
     * its stop is under way) is cancelled by the scheduler once the termination commits.
     */
    public void agentCommanded(@Observes AgentCommanded event) {
        if (event.command() != LifecycleCommand.TERMINATE) {
            return;
        }
        Instant now = now();
        String reason = "agent terminated by " + event.actor();
        List<StoredTask> cancelled = em.callWithConnection((Connection c) -> TaskRows.cancelWaiting(c,
                event.agentId(), now, reason));
        for (StoredTask task : cancelled) {
            audit.record(AuditEntry.of(AuditEventType.TASK_ENDED, now, event.agentId(), event.actor(),
                    endedDetails(task.id(), TaskState.CANCELLED, reason)));
            withdrawn.fire(new TaskWithdrawn(task.id()));
        }
    }

    public StoredTask find(UUID agentId, UUID taskId) {
        agent(agentId);
        return taskOf(agentId, taskId);
    }

    /** The agent's task, for a caller that has already found the agent. */
    private StoredTask taskOf(UUID agentId, UUID taskId) {
        return em.callWithConnection((Connection c) -> TaskRows.find(c, taskId))
                .filter(t -> t.agentId().equals(agentId))
                .orElseThrow(() -> new TaskNotFoundException(agentId, taskId));
    }

    /** Newest first. */
    public List<StoredTask> page(UUID agentId, UUID after, int limit) {
        agent(agentId);
        return em.callWithConnection((Connection c) -> TaskRows.page(c, agentId, after, limit));
    }

    public List<TaskTransition> transitions(UUID agentId, UUID taskId) {
        find(agentId, taskId);
        return em.callWithConnection((Connection c) -> TaskRows.transitions(c, taskId));
    }

    /** What the agent consumed since then (executions and tasks alike) and what it holds now. */
    public AgentUsage usage(UUID agentId, Instant since) {
        agent(agentId);
        return em.callWithConnection((Connection c) -> AgentUsageRows.of(c, agentId, since));
    }

    private static ResourceRequest constrained(ResourceRequest request, PolicyDecision decision) {
        if (!(decision instanceof PolicyDecision.AllowWithConditions conditional)) {
            return request;
        }
        ResourceRequest r = request;
        for (PolicyCondition condition : conditional.conditions()) {
            switch (condition) {
                case PolicyCondition.MaxMemoryMb max -> r = new ResourceRequest(Math.min(r.memoryMb(), max.value()),
                        r.cpuCores(), r.diskIoMbps(), r.networkIoMbps(), r.timeout());
                case PolicyCondition.MaxCpuCores max -> r = new ResourceRequest(r.memoryMb(),
                        Math.min(r.cpuCores(), max.value()), r.diskIoMbps(), r.networkIoMbps(), r.timeout());
                default -> { }
            }
        }
        return r;
    }

    static Map<String, Object> submittedDetails(StoredTask t) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("task_id", t.id().toString());
        details.put("priority", t.priority().label());
        details.put("memory_mb", t.resources().memoryMb());
        details.put("cpu_cores", t.resources().cpuCores());
        details.put("disk_io_mbps", t.resources().diskIoMbps());
        details.put("network_io_mbps", t.resources().networkIoMbps());
        details.put("timeout_ms", t.resources().timeout().toMillis());
        details.put("input_bytes", t.inputSize());
        details.put("input_sha256", t.inputSha256());
        details.put("max_attempts", t.maxAttempts());
        t.idempotencyKey().ifPresent(key -> details.put("idempotency_key", key));
        return details;
    }

    static Map<String, Object> endedDetails(UUID taskId, TaskState state, String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("task_id", taskId.toString());
        details.put("state", state.label());
        if (reason != null) {
            details.put("reason", reason);
        }
        return details;
    }

    private Agent agent(UUID id) {
        return agents.find(id).orElseThrow(() -> new AgentNotFoundException(id));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
