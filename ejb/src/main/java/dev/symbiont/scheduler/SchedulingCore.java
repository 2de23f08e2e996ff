package dev.symbiont.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * The node's scheduling decisions, in memory: which waiting task starts, which running tasks to stop for a more
 * urgent one. It runs nothing and never waits; the wrapper drives it with events (submit, cancel, started,
 * finished, preemptionDone), asks it to {@link #decide}, and carries out and persists what it returns. Time is
 * passed in, so the same events at the same instants give the same decisions.
 *
 * <p>One lock guards everything: a decision reads the queues, the running tasks and the pool together and must
 * see them consistent, and each call takes microseconds, so finer locking would only add ways to be wrong. It is
 * a {@link ReentrantLock} rather than {@code synchronized} so that virtual threads waiting for it do not pin their
 * carriers on Java 21.
 */
public final class SchedulingCore {

    private final ReentrantLock lock = new ReentrantLock();
    private final PlacementStrategy strategy;
    private final ResourcePool pool;
    private final WaitingTasks waiting;
    private final RunningTasks running = new RunningTasks();
    private final Map<UUID, PendingPreemption> pendingByBeneficiary = new HashMap<>();
    private final Map<UUID, PendingPreemption> pendingByVictim = new HashMap<>();
    private final ArrayDeque<PendingPreemption> readyToStart = new ArrayDeque<>();

    public SchedulingCore(Capacity node, SchedulerSettings settings) {
        Objects.requireNonNull(node, "node");
        this.strategy = settings.placementStrategy();
        Capacity headroom = strategy.keepsCriticalHeadroom()
                ? node.memoryAndCpuShare(settings.criticalHeadroom()) : Capacity.NONE;
        this.pool = new ResourcePool(node, headroom);
        this.waiting = new WaitingTasks(settings.ageing());
    }

    /**
     * Queues a task. It competes for the node once it is its agent's best waiting task and the agent runs nothing.
     *
     * @throws UnschedulableTaskException if the node could never run it, even empty
     * @throws IllegalStateException      if the task is already known here
     */
    public void submit(WaitingTask task) {
        lock.lock();
        try {
            Capacity demand = pool.demandOf(task.request());
            if (!pool.couldEverAdmit(task.priority(), demand)) {
                throw new UnschedulableTaskException(tooLarge(task, demand));
            }
            UUID id = task.taskId();
            if (running.get(id).isPresent() || pendingByBeneficiary.containsKey(id)) {
                throw new IllegalStateException("task " + id + " is already scheduled");
            }
            waiting.add(task);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Checks, before a task is accepted, that the node could ever run it: the same test {@link #submit} makes.
     *
     * @throws UnschedulableTaskException if not, naming what is too large
     */
    public void requirePlaceable(TaskPriority priority, ResourceRequest request) {
        lock.lock();
        try {
            Capacity demand = pool.demandOf(request);
            if (!pool.couldEverAdmit(priority, demand)) {
                Capacity limit = priority == TaskPriority.CRITICAL ? pool.total() : pool.total().minus(pool.headroom());
                throw new UnschedulableTaskException("a " + priority.label() + " task asking for " + demand.describe()
                        + " can never be placed on this node, which gives " + priority.label() + " tasks at most "
                        + limit.describe() + " (too large: " + demand.beyond(limit).describe() + ")");
            }
        } finally {
            lock.unlock();
        }
    }

    private String tooLarge(WaitingTask task, Capacity demand) {
        Capacity limit = task.priority() == TaskPriority.CRITICAL ? pool.total() : pool.total().minus(pool.headroom());
        String whose = task.priority() == TaskPriority.CRITICAL ? "the node's" : "the " + task.priority().label()
                + " tasks' share of the node";
        return "task " + task.taskId() + " asks for " + demand.describe() + ", more than " + whose + " "
                + limit.describe() + " in " + demand.beyond(limit).describe();
    }

    /** Withdraws a task that has not started; a running one is left to the wrapper to stop. */
    public Cancellation cancel(UUID taskId) {
        lock.lock();
        try {
            if (waiting.remove(taskId).isPresent()) {
                return Cancellation.WITHDRAWN;
            }
            PendingPreemption pending = pendingByBeneficiary.remove(taskId);
            if (pending != null) {
                // its victims are being stopped all the same; their capacity goes back to the pool
                pending.withdraw();
                pool.release(taskId);
                waiting.agentFreed(pending.beneficiary().agentId());
                return Cancellation.WITHDRAWN;
            }
            return running.get(taskId).isPresent() ? Cancellation.RUNNING : Cancellation.UNKNOWN;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Holds an agent: its waiting tasks stay queued with their places but none becomes eligible until it is
     * released. Its running task, if any, is not touched here. Repeating a hold or a release changes nothing.
     */
    public void hold(UUID agentId) {
        lock.lock();
        try {
            waiting.hold(agentId);
        } finally {
            lock.unlock();
        }
    }

    public void release(UUID agentId) {
        lock.lock();
        try {
            waiting.release(agentId);
        } finally {
            lock.unlock();
        }
    }

    /** The sandbox runs the task since {@code at}; victims are chosen by this start. False if not running. */
    public boolean started(UUID taskId, Instant at) {
        lock.lock();
        try {
            if (running.get(taskId).isEmpty()) {
                return false;
            }
            running.startedAt(taskId, at);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The task ended (in any way, or could not be started after all): its allocation is released and its agent's
     * next task becomes eligible. False, and nothing changes, if the task is not running (a repeated event).
     *
     * @throws IllegalStateException if the task has not started yet: cancel it instead
     */
    public boolean finished(UUID taskId) {
        lock.lock();
        try {
            Optional<RunningTask> ended = running.remove(taskId);
            if (ended.isEmpty()) {
                if (waiting.contains(taskId) || pendingByBeneficiary.containsKey(taskId)) {
                    throw new IllegalStateException("task " + taskId + " has not started; cancel it instead");
                }
                return false;
            }
            giveBack(ended.get());
            waiting.agentFreed(ended.get().task().agentId());
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A victim has been stopped: its allocation goes to the task it was stopped for, and it waits again with its
     * original enqueue time. False, and nothing changes, if the task is not running (a repeated event).
     *
     * @throws IllegalStateException if the task runs but was not chosen as a victim
     */
    public boolean preemptionDone(UUID taskId) {
        lock.lock();
        try {
            Optional<RunningTask> victim = running.get(taskId);
            if (victim.isEmpty()) {
                return false;
            }
            if (!pendingByVictim.containsKey(taskId)) {
                throw new IllegalStateException("task " + taskId + " was not chosen for preemption");
            }
            running.remove(taskId);
            giveBack(victim.get());
            WaitingTask task = victim.get().task();
            waiting.add(task);
            waiting.agentFreed(task.agentId());
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Calls off a preemption before any victim is stopped, because policy protects some of them: the beneficiary
     * waits again in its place, its reservation returns to the pool, the protected victims can no longer be chosen
     * during this run and the others can. A victim that ended meanwhile has already given its capacity to the
     * reservation, and so back to the pool. False, and nothing changes, if the preemption is no longer pending.
     */
    public boolean spare(UUID beneficiaryId, Set<UUID> protectedVictims) {
        lock.lock();
        try {
            PendingPreemption pending = pendingByBeneficiary.remove(beneficiaryId);
            if (pending == null) {
                return false;
            }
            pending.withdraw();
            for (UUID victim : pending.outstanding()) {
                pendingByVictim.remove(victim);
                if (!protectedVictims.contains(victim)) {
                    running.markPreemptible(victim);
                }
            }
            pool.release(beneficiaryId);
            WaitingTask beneficiary = pending.beneficiary();
            waiting.add(beneficiary);
            waiting.agentFreed(beneficiary.agentId());
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void giveBack(RunningTask ended) {
        UUID id = ended.task().taskId();
        PendingPreemption pending = pendingByVictim.remove(id);
        if (pending != null && pending.victimStopped(id)) {
            pool.transfer(id, pending.beneficiary().taskId(), pending.demand());
            if (pending.isReady()) {
                readyToStart.add(pending);
            }
        } else {
            pool.release(id);
        }
    }

    /**
     * What to do now: first the tasks whose victims have all stopped, then as many eligible tasks as the strategy
     * places, and a preemption whenever the best eligible task does not fit but stopping lower-priority tasks
     * would let it in. Returns nothing when nothing changes.
     */
    public List<SchedulingDecision> decide(Instant now) {
        lock.lock();
        try {
            List<SchedulingDecision> decisions = new ArrayList<>();
            startThoseWhoseVictimsStopped(now, decisions);
            UUID cannotPreemptFor = null;
            while (true) {
                WaitingTask head = waiting.head(now);
                if (head == null) {
                    break;
                }
                // preempt before backfilling, or backfilled tasks would take the room and need stopping in turn
                if (!head.taskId().equals(cannotPreemptFor) && !pool.admits(head)) {
                    if (preemptFor(head, decisions)) {
                        continue;
                    }
                    cannotPreemptFor = head.taskId();
                }
                WaitingTask chosen = strategy.choose(waiting.inOrder(now), pool, now);
                if (chosen == null) {
                    break;
                }
                start(chosen, pool.demandOf(chosen.request()), now, decisions);
            }
            return decisions;
        } finally {
            lock.unlock();
        }
    }

    private void startThoseWhoseVictimsStopped(Instant now, List<SchedulingDecision> decisions) {
        for (PendingPreemption pending; (pending = readyToStart.poll()) != null; ) {
            if (!pending.isReady()) {
                continue; // cancelled meanwhile
            }
            UUID id = pending.beneficiary().taskId();
            pendingByBeneficiary.remove(id);
            pool.release(id); // the reservation has grown to the demand: it becomes the task's allocation
            pool.allocate(id, pending.demand());
            running.add(new RunningTask(pending.beneficiary(), pending.demand(), now));
            decisions.add(new SchedulingDecision.Start(pending.beneficiary(), pending.demand()));
        }
    }

    private void start(WaitingTask task, Capacity demand, Instant now, List<SchedulingDecision> decisions) {
        waiting.claim(task);
        pool.allocate(task.taskId(), demand);
        running.add(new RunningTask(task, demand, now));
        decisions.add(new SchedulingDecision.Start(task, demand));
    }

    private boolean preemptFor(WaitingTask head, List<SchedulingDecision> decisions) {
        if (!running.anyBelow(head.priority())) {
            return false;
        }
        Capacity demand = pool.demandOf(head.request());
        Optional<List<RunningTask>> chosen = running.victimsFor(head.priority(),
                released -> pool.admitsAfterReleasing(head.priority(), demand, released));
        if (chosen.isEmpty()) {
            return false;
        }
        List<RunningTask> victims = chosen.get();
        Capacity released = victims.stream().map(RunningTask::allocation).reduce(Capacity.NONE, Capacity::plus);
        String reason = reason(head, demand, victims, released);
        waiting.claim(head);
        pool.allocate(head.taskId(), demand.beyond(released));
        running.markBeingStopped(victims);
        PendingPreemption pending = new PendingPreemption(head, demand, victims);
        pendingByBeneficiary.put(head.taskId(), pending);
        victims.forEach(victim -> pendingByVictim.put(victim.task().taskId(), pending));
        decisions.add(new SchedulingDecision.Preempt(head, victims.stream().map(RunningTask::task).toList(), reason));
        return true;
    }

    private String reason(WaitingTask head, Capacity demand, List<RunningTask> victims, Capacity released) {
        String priorities = victims.stream().map(victim -> victim.priority().label())
                .collect(Collectors.joining(", "));
        return head.priority().label() + " task " + head.taskId() + " needs " + demand.describe() + " and "
                + pool.free().describe() + " is free; stopping " + victims.size() + " task(s) of lower priority ("
                + priorities + ") frees " + released.describe();
    }

    public SchedulerStatus status(Instant now) {
        lock.lock();
        try {
            Map<TaskPriority, Integer> depth = new EnumMap<>(TaskPriority.class);
            Map<TaskPriority, Duration> longest = new EnumMap<>(TaskPriority.class);
            for (TaskPriority priority : TaskPriority.values()) {
                depth.put(priority, waiting.depth(priority));
                waiting.longestEligibleWait(priority, now).ifPresent(wait -> longest.put(priority, wait));
            }
            return new SchedulerStatus(strategy.name(), depth, longest, waiting.eligibleCount(), running.size(),
                    pendingByBeneficiary.size(), waiting.knownAgents(), waiting.heldAgents(), pool.total(), pool.used(),
                    pool.free(), pool.headroom());
        } finally {
            lock.unlock();
        }
    }
}
