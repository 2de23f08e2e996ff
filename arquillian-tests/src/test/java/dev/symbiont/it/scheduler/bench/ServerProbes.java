package dev.symbiont.it.scheduler.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The server process seen from inside: the heap that survives full collections, and the CPU the whole process uses
 * over a quiet window (every thread, the JVM's own included), with the Java threads that used most of it.
 */
final class ServerProbes {

    /** CPU of one Java thread over the window. */
    record ThreadCpu(String name, long cpuNanos) {
    }

    /** The process's CPU time over a wall-clock window, and the busiest Java threads in it. */
    record IdleCpu(long wallNanos, long processCpuNanos, List<ThreadCpu> busiestThreads) {

        double percentOfOneCore() {
            return 100.0 * processCpuNanos / wallNanos;
        }
    }

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final MBeanServer platform = ManagementFactory.getPlatformMBeanServer();

    /**
     * Used heap right after each of {@code collections} full collections ({@code System.gc()}, a full
     * stop-the-world collection with G1 unless ExplicitGCInvokesConcurrent is set), lowest first: what other
     * threads allocate between the collection and the reading comes on top of what is live.
     */
    List<Long> usedHeapAfterFullCollections(int collections) {
        List<Long> used = new ArrayList<>();
        for (int i = 0; i < collections; i++) {
            memory.gc();
            used.add(memory.getHeapMemoryUsage().getUsed());
        }
        used.sort(Comparator.naturalOrder());
        return used;
    }

    List<String> collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList();
    }

    long maxHeap() {
        return memory.getHeapMemoryUsage().getMax();
    }

    /** Sleeps through the window on the calling thread and reports what the process used meanwhile. */
    IdleCpu idleCpu(Duration window, int busiest) throws InterruptedException {
        Map<Long, Long> before = threadCpu();
        long cpuBefore = processCpuNanos();
        long started = System.nanoTime();
        Thread.sleep(window);
        long cpuAfter = processCpuNanos();
        long wall = System.nanoTime() - started;
        Map<Long, Long> after = threadCpu();
        Map<Long, String> names = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(after.keySet().stream().mapToLong(Long::longValue).toArray())) {
            if (info != null) {
                names.put(info.getThreadId(), info.getThreadName());
            }
        }
        List<ThreadCpu> used = after.entrySet().stream()
                .map(e -> new ThreadCpu(names.getOrDefault(e.getKey(), "thread " + e.getKey()),
                        e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(t -> t.cpuNanos() > 0)
                .sorted(Comparator.comparingLong(ThreadCpu::cpuNanos).reversed())
                .limit(busiest)
                .toList();
        return new IdleCpu(wall, cpuAfter - cpuBefore, used);
    }

    /**
     * The OperatingSystem MXBean's ProcessCpuTime, read as an attribute through java.management alone, so that it
     * does not matter whether the application's class loader sees com.sun.management (its typed interface).
     */
    private long processCpuNanos() {
        try {
            return (Long) platform.getAttribute(new ObjectName("java.lang:type=OperatingSystem"), "ProcessCpuTime");
        } catch (JMException e) {
            throw new IllegalStateException("the JVM does not report its process CPU time", e);
        }
    }

    private Map<Long, Long> threadCpu() {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long nanos = threads.getThreadCpuTime(id);
            if (nanos >= 0) {
                cpu.put(id, nanos);
            }
        }
        return cpu;
    }
}
