package dev.symbiont.scheduler;

import java.util.Locale;

/** How urgent a task is. Ageing lifts waiting tasks over time, so a low one still runs; critical may preempt. */
public enum TaskPriority {
    LOW, NORMAL, HIGH, CRITICAL;

    /** 0 for low up to 3 for critical: the base of a task's effective priority. */
    public int rank() {
        return ordinal();
    }

    public boolean isAbove(TaskPriority other) {
        return rank() > other.rank();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but low, normal, high, critical (any case) */
    public static TaskPriority of(String label) {
        for (TaskPriority p : values()) {
            if (p.name().equalsIgnoreCase(label)) {
                return p;
            }
        }
        throw new IllegalArgumentException("priority must be one of low, normal, high, critical; got '" + label + "'");
    }
}
