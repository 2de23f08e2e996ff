package dev.symbiont.scheduler;

import dev.symbiont.agent.AgentConcurrentlyModifiedException;
import dev.symbiont.agent.AgentNotRunnableException;
import dev.symbiont.execution.ExecutionPlan;
import dev.symbiont.execution.ExecutionStatus;
import dev.symbiont.lifecycle.AgentCommanded;
import dev.symbiont.policy.PolicyDeniedException;
import dev.symbiont.sandbox.ExecutionResult;
import dev.symbiont.sandbox.SandboxFailureException;
import dev.symbiont.sandbox.SandboxRequestRefusedException;
import dev.symbiont.sandbox.SandboxUnavailableException;
import dev.symbiont.sandbox.Sandboxes;
import dev.symbiont.sandbox.SecurityTier;
import dev.symbiont.sandbox.Termination;
import dev.symbiont.scheduler.queue.StoredTask;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The node's scheduler: the in-memory {@link SchedulingCore} fed from the durable queue, and the hands that carry
 * out its decisions. Event-driven, without a polling loop: a committed submission or cancellation, a run's end and
 * a stop's completion each ask for a decision pass, which runs at once on a managed (virtual) thread and coalesces
 * with requests that arrive meanwhile. Every started task runs on a virtual thread of its own: claim (SKIP LOCKED),
 * start (agent Running, policy, plan), the sandbox run with no transaction open, then its end. Preemption stops the
 * victims' sandboxes; each victim is recorded preempted, its agent suspended, and it goes back to the queue with its
 * old place and restarts from the beginning later (containers are single-use; a paused one would keep its memory).
 * Policy is asked before any victim is stopped; a victim it protects calls the preemption off and is not chosen
 * again during its run. An agent an operator suspends, or one suspended for a policy violation, is held: its
 * running task is handed back the same way and none of its tasks starts until it is resumed.
 */
@ApplicationScoped
public class AgentScheduler {

    /** How the scheduler appears in task, lifecycle and audit records. */
    public static final String ACTOR = "scheduler";

    /**
     * The managed executor the scheduler runs on, defined with virtual threads on {@code RuntimeStartup}: a task
     * blocked on its sandbox for hours then costs a small stack, not a platform thread, and its thread carries the
     * application's context, so it can call the EJBs that record its steps.
     */
    public static final String EXECUTOR = "java:app/concurrent/symbiont-scheduler";

    private static final Logger LOG = Logger.getLogger(AgentScheduler.class.getName());
    private static final Duration STOP_RETRY = Duration.ofMillis(50);
    /** A lifecycle command racing a task's step wins the agent's row at most this often in a row (see recorded). */
    private static final int CONFLICT_RETRIES = 5;
    /** How long an orderly shutdown waits for running tasks to be stopped and recorded (Liberty quiesces 30 s). */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(20);

    @Inject
    SchedulerConfiguration configuration;

    @Inject
    TaskRuns runs;

    @Inject
    Sandboxes sandboxes;

    @Inject
    Clock clock;

    @Resource(lookup = EXECUTOR)
    ManagedExecutorService executor;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    private SchedulingCore core;
    private DecisionPasses passes;
    private final ConcurrentMap<UUID, TaskRun> running = new ConcurrentHashMap<>();
    private Timer decisions;
    private volatile boolean shuttingDown;

    @PostConstruct
    void init() {
        core = new SchedulingCore(configuration.capacity(), configuration.settings());
        passes = new DecisionPasses(executor, this::decide);
        decisions = metrics.timer("symbiont.scheduler.decision");
        SchedulerGauges.register(metrics, this);
    }

    /**
     * An orderly shutdown: nothing new starts, and running tasks are stopped and recorded as preempted, so they
     * restart at the next start without spending the restart rule's attempts on a planned stop. Tasks not
     * recorded in time stay running in the database and the restart rule settles them. Called by the startup
     * singleton's pre-destroy, while the EJBs that record the ends are still in service (in this bean's own
     * pre-destroy they are already stopped).
     */
    public void shutdown() {
        shuttingDown = true;
        StopRequest stop = StopRequest.shutdown();
        running.values().forEach(run -> run.requestStop(stop));
        long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
        try {
            while (!running.isEmpty() && System.nanoTime() < deadline) {
                for (TaskRun run : running.values()) {
                    UUID execution = run.executionId;
                    if (execution != null && !run.done) {
                        sandboxes.stop(execution, stop.reason());
                    }
                }
                TimeUnit.MILLISECONDS.sleep(STOP_RETRY.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not stop every running task at shutdown; the restart rule settles them", e);
        }
        if (!running.isEmpty()) {
            LOG.warning(() -> running.size() + " task(s) still running at shutdown; the restart rule settles them");
        }
    }

    /**
     * At startup, once executions a dead server left are closed: applies the restart rule to its tasks, loads every
     * waiting task into the queues and starts what fits.
     */
    public void start(Instant serverStart) {
        var recovered = runs.recover(serverStart);
        if (!recovered.isEmpty()) {
            LOG.warning(() -> recovered.requeued().size() + " task(s) running when the server stopped were queued "
                    + "again, " + recovered.failed().size() + " failed (no attempt left)");
        }
        runs.holdingAgents().forEach(core::hold);
        long loaded = runs.loadWaiting(this::enqueue);
        LOG.info(() -> "scheduler: " + loaded + " waiting task(s) loaded; " + core.status(clock.instant()));
        kick();
    }

    /** @throws UnschedulableTaskException when this node could never place such a task */
    public void requirePlaceable(TaskPriority priority, ResourceRequest request) {
        core.requirePlaceable(priority, request);
    }

    /**
     * Stops a running task of this node; it ends cancelled once its sandbox is gone.
     *
     * @return false if this node does not run it (it ended meanwhile, or another node runs it)
     */
    public boolean cancelRunning(UUID taskId, String actor) {
        TaskRun run = running.get(taskId);
        if (run == null) {
            return false;
        }
        stop(run, StopRequest.cancel(actor));
        return true;
    }

    public SchedulerStatus status() {
        return core.status(clock.instant());
    }

    /** Running tasks per tier (a task whose tier is not chosen yet is not counted). */
    public Map<SecurityTier, Integer> runningPerTier() {
        Map<SecurityTier, Integer> counts = new EnumMap<>(SecurityTier.class);
        for (SecurityTier tier : SecurityTier.values()) {
            counts.put(tier, 0);
        }
        running.values().stream().map(run -> run.tier).filter(t -> t != null)
                .forEach(t -> counts.merge(t, 1, Integer::sum));
        return counts;
    }

    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) TaskQueued event) {
        enqueue(event.task());
        kick();
    }

    void withdrawn(@Observes(during = TransactionPhase.AFTER_SUCCESS) TaskWithdrawn event) {
        core.cancel(event.taskId());
        kick();
    }

    /**
     * An operator's lifecycle command, once committed. Suspending holds the agent's waiting tasks and hands its
     * running one back to the queue; resuming releases them; terminating (its waiting tasks were cancelled with
     * it) cancels a task still running, as when an agent suspended a moment ago is terminated before its task
     * has stopped.
     */
    void commanded(@Observes(during = TransactionPhase.AFTER_SUCCESS) AgentCommanded event) {
        UUID agentId = event.agentId();
        switch (event.command()) {
            case SUSPEND -> {
                core.hold(agentId);
                runsOf(agentId).forEach(run -> stop(run, StopRequest.agentSuspended(event.actor(), event.reason())));
            }
            case RESUME -> {
                core.release(agentId);
                kick();
            }
            case TERMINATE -> {
                core.release(agentId);
                runsOf(agentId).forEach(run -> stop(run, StopRequest.agentTerminated(event.actor())));
                kick();
            }
            default -> { } // start and complete by hand leave the agent's tasks as they are
        }
    }

    private List<TaskRun> runsOf(UUID agentId) {
        return running.values().stream().filter(run -> run.task.agentId().equals(agentId)).toList();
    }

    private void enqueue(StoredTask task) {
        enqueue(new WaitingTask(task.id(), task.agentId(), task.priority(), task.resources(), task.enqueuedAt(),
                task.seq()));
    }

    private void enqueue(WaitingTask task) {
        try {
            core.submit(task);
        } catch (UnschedulableTaskException e) {
            // the node's capacity shrank since it was accepted; it stays queued for a node that can take it
            LOG.warning(() -> "task " + task.taskId() + " cannot be placed on this node: " + e.getMessage());
        }
    }

    /** Asks for a decision pass; one runs at a time and picks up every request made while it ran. */
    void kick() {
        if (shuttingDown) {
            return;
        }
        passes.request();
    }

    private void decide() {
        try {
            long t0 = System.nanoTime();
            List<SchedulingDecision> next = core.decide(clock.instant());
            decisions.update(Duration.ofNanos(System.nanoTime() - t0));
            next.forEach(this::carryOut);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "scheduling decision failed", e);
        }
    }

    private void carryOut(SchedulingDecision decision) {
        switch (decision) {
            case SchedulingDecision.Start start -> {
                if (shuttingDown) {
                    core.finished(start.task().taskId()); // stays queued in the database for the next start
                    return;
                }
                TaskRun run = new TaskRun(start.task());
                running.put(start.task().taskId(), run);
                try {
                    executor.execute(() -> run(run));
                } catch (RuntimeException e) {
                    // not started (the executor refused): give the capacity back; the task stays queued
                    running.remove(start.task().taskId());
                    core.finished(start.task().taskId());
                    LOG.log(Level.WARNING, e, () -> "could not start task " + start.task().taskId());
                }
            }
            case SchedulingDecision.Preempt preempt -> {
                Set<UUID> protectedVictims = protectedFrom(preempt);
                if (!protectedVictims.isEmpty()) {
                    core.spare(preempt.beneficiary().taskId(), protectedVictims);
                    LOG.info(() -> "preemption for task " + preempt.beneficiary().taskId() + " called off: policy "
                            + "protects " + protectedVictims.size() + " of its " + preempt.victims().size()
                            + " victim(s)");
                    kick(); // other victims may do
                    return;
                }
                LOG.info(() -> "preempting " + preempt.victims().size() + " task(s): " + preempt.reason());
                for (WaitingTask victim : preempt.victims()) {
                    TaskRun run = running.get(victim.taskId());
                    if (run != null) {
                        run.victim = true;
                        stop(run, StopRequest.preempt(preempt.reason()));
                    }
                }
            }
        }
    }

    /** Fails closed: if policy cannot be asked, every victim is protected and the beneficiary waits. */
    private Set<UUID> protectedFrom(SchedulingDecision.Preempt preempt) {
        try {
            return runs.protectedFrom(preempt.victims());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "could not ask policy about preempting for task "
                    + preempt.beneficiary().taskId() + "; its victims are left running");
            return preempt.victims().stream().map(WaitingTask::taskId).collect(Collectors.toSet());
        }
    }

    /** Keeps asking the sandbox to stop the run until it has, or the run has ended by itself. */
    private void stop(TaskRun run, StopRequest request) {
        if (!run.requestStop(request)) {
            return;
        }
        executor.execute(() -> {
            try {
                while (!run.done) {
                    UUID execution = run.executionId;
                    if (execution != null && sandboxes.stop(execution, request.reason())) {
                        return;
                    }
                    TimeUnit.MILLISECONDS.sleep(STOP_RETRY.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> "could not stop task " + run.task.taskId());
            }
        });
    }

    /** One task, start to end, on its own virtual thread. */
    private void run(TaskRun run) {
        UUID id = run.task.taskId();
        boolean handedBack = false;
        try {
            Optional<StoredTask> claimed = runs.claim(id);
            if (claimed.isEmpty()) {
                return; // cancelled meanwhile, or another node took it
            }
            core.started(id, clock.instant());
            handedBack = runClaimed(run, claimed.get());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, e, () -> "task " + id + " could not be run or recorded; the restart rule will "
                    + "settle it if it stays running");
        } finally {
            run.done = true;
            running.remove(id);
            if (handedBack && run.victim) {
                core.preemptionDone(id);
            } else {
                core.finished(id);
                if (handedBack && !shuttingDown) {
                    enqueue(run.task); // its agent was suspended: it waits, held, in its old place
                }
            }
            kick();
        }
    }

    /** @return whether the task went back to the queue (preempted, or held for its suspended agent) */
    private boolean runClaimed(TaskRun run, StoredTask task) {
        ExecutionPlan plan;
        try {
            switch (recorded(() -> runs.start(task))) {
                case TaskStart.Planned planned -> plan = planned.plan();
                case TaskStart.Held held -> {
                    core.hold(task.agentId());
                    return true;
                }
            }
        } catch (PolicyDeniedException e) {
            if (recorded(() -> runs.violated(task, e.getMessage()))) {
                core.hold(task.agentId());
            }
            return false;
        } catch (AgentNotRunnableException e) {
            StopRequest stop = run.stop;
            TaskState outcome = stop != null && stop.outcome() == TaskState.CANCELLED ? stop.outcome()
                    : TaskState.FAILED;
            String reason = stop != null && outcome == TaskState.CANCELLED ? stop.reason() : e.getMessage();
            recorded(() -> {
                runs.abandon(task, outcome, reason);
                return null;
            });
            return false;
        }
        run.tier = plan.placement().tier();
        run.executionId = plan.executionId();
        ExecutionResult result;
        StopRequest early = run.stop;
        if (early != null) {
            result = ExecutionResult.stoppedBeforeStart(plan.executionId(), plan.placement().tier(), early.reason(),
                    Duration.ZERO);
        } else {
            try {
                result = sandboxes.tier(plan.placement().tier()).run(plan.request());
            } catch (SandboxUnavailableException e) {
                recorded(() -> runs.failed(task, plan, ExecutionStatus.FAILED, e.getMessage()));
                return false;
            } catch (SandboxRequestRefusedException e) {
                recorded(() -> runs.failed(task, plan, ExecutionStatus.REFUSED, e.getMessage()));
                return false;
            } catch (SandboxFailureException e) {
                recorded(() -> runs.failed(task, plan, ExecutionStatus.FAILED, "sandbox failure: " + e.getMessage()));
                return false;
            }
        }
        StopRequest stop = result.termination() == Termination.STOPPED ? run.stop : null;
        recorded(() -> runs.finish(task, plan, result, Optional.ofNullable(stop)));
        return stop != null && stop.outcome() == TaskState.PREEMPTED;
    }

    /**
     * Runs one recorded step of a task, again when an operator's lifecycle command changed the agent in the same
     * instant (the optimistic lock refused the step, and its transaction rolled back): the step reads the agent
     * afresh and decides on its new state, so a suspend racing a task's end neither loses the end nor the suspend.
     */
    private static <T> T recorded(Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (AgentConcurrentlyModifiedException e) {
                if (attempt == CONFLICT_RETRIES) {
                    throw e;
                }
            }
        }
    }
}
