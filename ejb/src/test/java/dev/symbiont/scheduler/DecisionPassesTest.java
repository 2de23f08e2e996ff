package dev.symbiont.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Decision passes run on request, one at a time, a burst of requests coalescing and none lost. */
class DecisionPassesTest {

    /** Runs nothing until told: the test decides when the executor's threads get to run. */
    private static final class HeldExecutor implements java.util.concurrent.Executor {
        final Queue<Runnable> queued = new ArrayDeque<>();

        @Override
        public void execute(Runnable command) {
            queued.add(command);
        }

        void runAll() {
            for (Runnable next; (next = queued.poll()) != null; ) {
                next.run();
            }
        }
    }

    @Test
    void aRequestRunsOnePassOnTheExecutor() {
        HeldExecutor executor = new HeldExecutor();
        AtomicInteger passes = new AtomicInteger();
        DecisionPasses decisions = new DecisionPasses(executor, passes::incrementAndGet);

        decisions.request();
        assertThat(passes).hasValue(0);
        executor.runAll();

        assertThat(passes).hasValue(1);
    }

    @Test
    void requestsMadeBeforeThePassStartsAreServedByThatOnePass() {
        HeldExecutor executor = new HeldExecutor();
        AtomicInteger passes = new AtomicInteger();
        DecisionPasses decisions = new DecisionPasses(executor, passes::incrementAndGet);

        decisions.request();
        decisions.request();
        decisions.request();
        assertThat(executor.queued).hasSize(1);
        executor.runAll();

        assertThat(passes).hasValue(1);
    }

    @Test
    void aRequestMadeDuringAPassIsServedByOneMorePassOnTheSameThread() {
        HeldExecutor executor = new HeldExecutor();
        AtomicInteger passes = new AtomicInteger();
        DecisionPasses[] decisions = new DecisionPasses[1];
        decisions[0] = new DecisionPasses(executor, () -> {
            if (passes.incrementAndGet() == 1) {
                decisions[0].request();
                decisions[0].request();
            }
        });

        decisions[0].request();
        executor.runAll();

        assertThat(passes).hasValue(2);
        assertThat(executor.queued).isEmpty();
    }

    @Test
    void aPassThatFailsDoesNotStopTheNextRequestFromRunningOne() {
        HeldExecutor executor = new HeldExecutor();
        AtomicInteger passes = new AtomicInteger();
        DecisionPasses decisions = new DecisionPasses(executor, () -> {
            if (passes.incrementAndGet() == 1) {
                throw new IllegalStateException("first pass fails");
            }
        });

        decisions.request();
        try {
            executor.runAll();
        } catch (IllegalStateException expected) {
            // left to the executor, as a managed executor would log it
        }
        decisions.request();
        executor.runAll();

        assertThat(passes).hasValue(2);
    }

    @Test
    void underConcurrentRequestsPassesNeverOverlapAndTheLastRequestIsAlwaysServed() throws Exception {
        AtomicLong requested = new AtomicLong();
        AtomicLong seenByLastPass = new AtomicLong();
        AtomicInteger inPass = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        int threads = 8;
        int requestsEach = 20_000;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            DecisionPasses decisions = new DecisionPasses(executor, () -> {
                if (inPass.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                seenByLastPass.set(requested.get());
                inPass.decrementAndGet();
            });
            CountDownLatch done = new CountDownLatch(threads);
            for (int t = 0; t < threads; t++) {
                Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < requestsEach; i++) {
                        requested.incrementAndGet();
                        decisions.request();
                    }
                    done.countDown();
                });
            }
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (seenByLastPass.get() != (long) threads * requestsEach && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
        }

        assertThat(seenByLastPass).hasValue((long) threads * requestsEach);
        assertThat(overlaps).hasValue(0);
    }
}
