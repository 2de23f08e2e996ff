package dev.symbiont.scheduler.queue;

import java.util.List;

/** What the restart rule did with the tasks a node's dead server left running, each list in submission order. */
public record RecoveredTasks(List<StoredTask> requeued, List<StoredTask> failed) {

    public RecoveredTasks {
        requeued = List.copyOf(requeued);
        failed = List.copyOf(failed);
    }

    public boolean isEmpty() {
        return requeued.isEmpty() && failed.isEmpty();
    }
}
