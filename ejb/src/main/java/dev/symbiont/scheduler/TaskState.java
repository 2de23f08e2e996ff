package dev.symbiont.scheduler;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a task is. Every move is persisted and audited; the allowed ones:
 * <pre>
 *   queued    -> running (claimed) | cancelled
 *   running   -> succeeded | failed | timed_out | cancelled | preempted (stopped for higher-priority work)
 *              | queued (its server died and the restart rule requeues it)
 *   preempted -> running (restarted) | cancelled
 * </pre>
 * succeeded, failed, cancelled and timed_out are final.
 */
public enum TaskState {
    QUEUED, RUNNING, PREEMPTED, SUCCEEDED, FAILED, CANCELLED, TIMED_OUT;

    private static final Map<TaskState, Set<TaskState>> TRANSITIONS = new EnumMap<>(TaskState.class);

    static {
        TRANSITIONS.put(QUEUED, EnumSet.of(RUNNING, CANCELLED));
        TRANSITIONS.put(RUNNING, EnumSet.of(SUCCEEDED, FAILED, TIMED_OUT, CANCELLED, PREEMPTED, QUEUED));
        TRANSITIONS.put(PREEMPTED, EnumSet.of(RUNNING, CANCELLED));
        for (TaskState end : EnumSet.of(SUCCEEDED, FAILED, CANCELLED, TIMED_OUT)) {
            TRANSITIONS.put(end, EnumSet.noneOf(TaskState.class));
        }
        TRANSITIONS.replaceAll((state, targets) -> Collections.unmodifiableSet(targets));
    }

    public boolean canMoveTo(TaskState target) {
        return TRANSITIONS.get(this).contains(target);
    }

    /** Waiting for the scheduler: queued, or preempted and due to restart. */
    public boolean isWaiting() {
        return this == QUEUED || this == PREEMPTED;
    }

    public boolean isFinal() {
        return TRANSITIONS.get(this).isEmpty();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for an unknown label */
    public static TaskState of(String label) {
        for (TaskState s : values()) {
            if (s.name().equalsIgnoreCase(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown task state '" + label + "'");
    }
}
