package dev.symbiont.it.scheduler.bench;

/**
 * The trivial in-process workload of the scheduler benchmarks: a few microseconds of pure CPU per task, the same
 * loop and token count as JMH's {@code Blackhole.consumeCPU} in ejb's SchedulerThroughputBenchmark, so that the
 * figures of both benchmarks are about the same work. Nothing is allocated and nothing is shared but a field that
 * is read once and written only when the result happens to be 42, which keeps the JIT from dropping the loop.
 */
final class TokenWork implements Runnable {

    private static volatile long sink;

    private final int tokens;

    TokenWork(int tokens) {
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens cannot be negative: " + tokens);
        }
        this.tokens = tokens;
    }

    int tokens() {
        return tokens;
    }

    @Override
    public void run() {
        long t = sink;
        for (long i = tokens; i > 0; i--) {
            t += (t * 0x5DEECE66DL + 0xBL + i) & 0xFFFFFFFFFFFFL;
        }
        if (t == 42) {
            sink += t;
        }
    }

    /** Microseconds one run takes on the calling thread, once warm: what a task costs without any scheduling. */
    double microsPerRun() {
        for (int i = 0; i < 20_000; i++) {
            run();
        }
        long started = System.nanoTime();
        for (int i = 0; i < 20_000; i++) {
            run();
        }
        return (System.nanoTime() - started) / 20_000.0 / 1e3;
    }
}
