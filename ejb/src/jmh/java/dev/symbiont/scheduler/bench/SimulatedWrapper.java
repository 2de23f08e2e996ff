package dev.symbiont.scheduler.bench;

import dev.symbiont.scheduler.SchedulingCore;
import dev.symbiont.scheduler.SchedulingDecision;
import dev.symbiont.scheduler.WaitingTask;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

/**
 * Does at once what the Jakarta wrapper does over time: starts what the core says to start and confirms each
 * preemption straight away, then asks again, until the core has nothing more to say. Running tasks are kept in
 * start order, so the oldest can be ended first.
 */
final class SimulatedWrapper {

    private final SchedulingCore core;
    private final LinkedHashMap<UUID, WaitingTask> running = new LinkedHashMap<>();
    private long starts;
    private long preemptions;

    SimulatedWrapper(SchedulingCore core) {
        this.core = core;
    }

    /** Decides and carries out the decisions; returns how many there were. */
    int decideAndApply(Instant now) {
        int applied = 0;
        for (List<SchedulingDecision> decisions = core.decide(now); !decisions.isEmpty();
                decisions = core.decide(now)) {
            for (SchedulingDecision decision : decisions) {
                switch (decision) {
                    case SchedulingDecision.Start start -> {
                        running.put(start.task().taskId(), start.task());
                        starts++;
                    }
                    case SchedulingDecision.Preempt preempt -> {
                        for (WaitingTask victim : preempt.victims()) {
                            running.remove(victim.taskId());
                            core.preemptionDone(victim.taskId());
                        }
                        preemptions++;
                    }
                }
            }
            applied += decisions.size();
        }
        return applied;
    }

    /** Ends the task that has run longest and returns it, or null if nothing runs. */
    WaitingTask finishOldest() {
        Iterator<WaitingTask> oldest = running.values().iterator();
        if (!oldest.hasNext()) {
            return null;
        }
        WaitingTask task = oldest.next();
        oldest.remove();
        core.finished(task.taskId());
        return task;
    }

    int running() {
        return running.size();
    }

    long starts() {
        return starts;
    }

    long preemptions() {
        return preemptions;
    }
}
