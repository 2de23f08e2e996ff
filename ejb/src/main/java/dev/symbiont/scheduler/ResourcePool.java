package dev.symbiont.scheduler;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The node's capacity and who holds which part of it, one allocation per task id. The pool never overcommits:
 * an allocation that does not fit throws, and what is used is always the exact sum of the allocations.
 *
 * <p>Releasing a task that holds nothing is a no-op: the wrapper's events may be delivered twice (a retried
 * transaction, a restart replaying its queue), and the second release must not free capacity a second time.
 *
 * <p>The headroom is the part of memory and CPU that only critical tasks may take. It is zero unless the
 * priority-based strategy asks for it, so the other strategies see the whole node.
 */
public final class ResourcePool {

    private final Capacity total;
    private final Capacity headroom;
    private final Map<UUID, Capacity> allocations = new HashMap<>();
    private Capacity used = Capacity.NONE;

    public ResourcePool(Capacity total, Capacity headroom) {
        this.total = Objects.requireNonNull(total, "total");
        this.headroom = Objects.requireNonNull(headroom, "headroom");
        if (total.memoryMb() == 0 || total.cpuMillicores() == 0) {
            throw new IllegalArgumentException("a node needs some memory and CPU");
        }
        if (!headroom.fitsWithin(total) || headroom.memoryMb() == total.memoryMb()
                || headroom.cpuMillicores() == total.cpuMillicores()) {
            throw new IllegalArgumentException("the headroom (" + headroom.describe()
                    + ") must leave something of the node (" + total.describe() + ") for non-critical work");
        }
    }

    /** What a request takes from this node: its dimensions the node does not account count as nothing. */
    public Capacity demandOf(ResourceRequest request) {
        return Capacity.of(request, total);
    }

    /** Whether a task of this priority could run here on an otherwise empty node. */
    public boolean couldEverAdmit(TaskPriority priority, Capacity demand) {
        return demand.plus(headroomFor(priority)).fitsWithin(total);
    }

    /** Whether the task may start now, under the headroom rule for its priority. */
    public boolean admits(WaitingTask task) {
        return admits(task.priority(), demandOf(task.request()));
    }

    /** Whether a task of this priority may take {@code demand} now: critical ones may also use the headroom. */
    public boolean admits(TaskPriority priority, Capacity demand) {
        return admitsAfterReleasing(priority, demand, Capacity.NONE);
    }

    /** As {@link #admits}, had the holders of {@code released} (part of what is used) given it back. */
    public boolean admitsAfterReleasing(TaskPriority priority, Capacity demand, Capacity released) {
        // dimension by dimension rather than with Capacity sums: first and best fit ask this of every candidate
        // they look at, and the intermediate objects showed as most of a decision's garbage
        Capacity reserve = headroomFor(priority);
        return fits(used.memoryMb(), released.memoryMb(), demand.memoryMb(), reserve.memoryMb(), total.memoryMb())
                && fits(used.cpuMillicores(), released.cpuMillicores(), demand.cpuMillicores(),
                        reserve.cpuMillicores(), total.cpuMillicores())
                && fits(used.diskIoMbps(), released.diskIoMbps(), demand.diskIoMbps(), reserve.diskIoMbps(),
                        total.diskIoMbps())
                && fits(used.networkIoMbps(), released.networkIoMbps(), demand.networkIoMbps(),
                        reserve.networkIoMbps(), total.networkIoMbps());
    }

    private static boolean fits(long used, long released, long demand, long reserve, long total) {
        return used - released + demand + reserve <= total;
    }

    private Capacity headroomFor(TaskPriority priority) {
        return priority == TaskPriority.CRITICAL ? Capacity.NONE : headroom;
    }

    /**
     * @throws IllegalStateException if the task already holds an allocation (a second one would leak)
     * @throws IllegalArgumentException if the node does not have that much free
     */
    public void allocate(UUID taskId, Capacity demand) {
        if (allocations.containsKey(taskId)) {
            throw new IllegalStateException("task " + taskId + " already holds " + allocations.get(taskId).describe());
        }
        if (!used.plus(demand).fitsWithin(total)) {
            throw new IllegalArgumentException("cannot allocate " + demand.describe() + " to task " + taskId
                    + "; free is " + free().describe());
        }
        allocations.put(taskId, demand);
        used = used.plus(demand);
    }

    /** Gives back what the task holds; empty, and nothing changes, if it holds nothing. */
    public Optional<Capacity> release(UUID taskId) {
        Capacity held = allocations.remove(taskId);
        if (held == null) {
            return Optional.empty();
        }
        used = used.minus(held);
        return Optional.of(held);
    }

    /**
     * Hands what {@code from} holds over to {@code to}, so that it is never free in between, up to {@code limit}
     * for {@code to} in all; whatever goes beyond the limit is released.
     */
    public void transfer(UUID from, UUID to, Capacity limit) {
        Capacity moved = allocations.remove(from);
        if (moved == null) {
            return;
        }
        Capacity held = allocations.getOrDefault(to, Capacity.NONE);
        Capacity kept = held.plus(moved).atMost(limit);
        allocations.put(to, kept);
        used = used.minus(held).minus(moved).plus(kept);
    }

    public Optional<Capacity> allocatedTo(UUID taskId) {
        return Optional.ofNullable(allocations.get(taskId));
    }

    public int allocationCount() {
        return allocations.size();
    }

    public Capacity total() {
        return total;
    }

    public Capacity headroom() {
        return headroom;
    }

    public Capacity used() {
        return used;
    }

    public Capacity free() {
        return total.minus(used);
    }
}
