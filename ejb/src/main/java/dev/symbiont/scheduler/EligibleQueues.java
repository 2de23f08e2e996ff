package dev.symbiont.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The tasks that may start now, one ordered queue per base priority, oldest first. Within one queue the
 * effective priority never rises from head to tail (the older a task, the more it has aged), so the best task
 * overall is the best of the four heads, and walking all of them in effective-priority order is a merge of the
 * four queues. Adding and removing are O(log n); a preempted task goes back to its place by enqueue time.
 */
final class EligibleQueues {

    private final Ageing ageing;
    private final TreeSet<WaitingTask>[] byRank;
    private int size;

    @SuppressWarnings("unchecked")
    EligibleQueues(Ageing ageing) {
        this.ageing = ageing;
        this.byRank = new TreeSet[TaskPriority.values().length];
        for (int rank = 0; rank < byRank.length; rank++) {
            byRank[rank] = new TreeSet<>(WaitingTask.FIFO);
        }
    }

    void add(WaitingTask task) {
        if (!byRank[task.priority().rank()].add(task)) {
            throw new IllegalStateException("task " + task.taskId() + " is already eligible");
        }
        size++;
    }

    void remove(WaitingTask task) {
        if (!byRank[task.priority().rank()].remove(task)) {
            throw new IllegalStateException("task " + task.taskId() + " is not eligible");
        }
        size--;
    }

    boolean contains(WaitingTask task) {
        return byRank[task.priority().rank()].contains(task);
    }

    int size() {
        return size;
    }

    /** The task to consider first at {@code now}, or null if none is eligible: the best of the four heads. */
    WaitingTask head(Instant now) {
        WaitingTask best = null;
        int bestRank = -1;
        for (TreeSet<WaitingTask> queue : byRank) {
            if (!queue.isEmpty()) {
                WaitingTask first = queue.first();
                int effective = ageing.effectiveRank(first, now);
                if (best == null || effective > bestRank
                        || effective == bestRank && WaitingTask.FIFO.compare(first, best) < 0) {
                    best = first;
                    bestRank = effective;
                }
            }
        }
        return best;
    }

    /** All eligible tasks, best first: effective priority, then oldest. Lazy: callers take only a few. */
    Iterator<WaitingTask> inOrder(Instant now) {
        return new Merge(now);
    }

    /** How long the oldest eligible task of this priority has waited. */
    Optional<Duration> longestWait(TaskPriority priority, Instant now) {
        TreeSet<WaitingTask> queue = byRank[priority.rank()];
        return queue.isEmpty() ? Optional.empty() : Optional.of(queue.first().waitedAt(now));
    }

    /**
     * Picks among the current element of each queue; effective ranks are computed once per element. A queue's
     * iterator is only made once the walk goes past its first task, which most decisions never do.
     */
    private final class Merge implements Iterator<WaitingTask> {
        private final Instant now;
        private final Iterator<WaitingTask>[] cursors;
        private final WaitingTask[] current;
        private final int[] effective;

        @SuppressWarnings("unchecked")
        Merge(Instant now) {
            this.now = now;
            cursors = new Iterator[byRank.length];
            current = new WaitingTask[byRank.length];
            effective = new int[byRank.length];
            for (int rank = 0; rank < byRank.length; rank++) {
                if (!byRank[rank].isEmpty()) {
                    current(rank, byRank[rank].first());
                }
            }
        }

        private void current(int rank, WaitingTask task) {
            current[rank] = task;
            effective[rank] = ageing.effectiveRank(task, now);
        }

        private void advance(int rank) {
            if (cursors[rank] == null) {
                cursors[rank] = byRank[rank].tailSet(current[rank], false).iterator();
            }
            if (cursors[rank].hasNext()) {
                current(rank, cursors[rank].next());
            } else {
                current[rank] = null;
            }
        }

        @Override
        public boolean hasNext() {
            for (WaitingTask task : current) {
                if (task != null) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public WaitingTask next() {
            int best = -1;
            for (int rank = 0; rank < current.length; rank++) {
                if (current[rank] != null && (best < 0 || before(rank, best))) {
                    best = rank;
                }
            }
            if (best < 0) {
                throw new NoSuchElementException();
            }
            WaitingTask next = current[best];
            advance(best);
            return next;
        }

        private boolean before(int rank, int other) {
            if (effective[rank] != effective[other]) {
                return effective[rank] > effective[other];
            }
            return WaitingTask.FIFO.compare(current[rank], current[other]) < 0;
        }
    }
}
