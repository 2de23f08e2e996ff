package dev.symbiont.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResourcePoolTest {

    private static final Capacity NODE = Capacity.ofNode(4096, 4, 0, 0);
    private static final Capacity GIGABYTE = new Capacity(1024, 1000, 0, 0);

    private final ResourcePool pool = new ResourcePool(NODE, Capacity.NONE);

    @Test
    void usedIsTheSumOfAllocationsAndReleaseGivesBackExactlyWhatWasTaken() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        pool.allocate(a, GIGABYTE);
        pool.allocate(b, new Capacity(512, 250, 0, 0));
        assertThat(pool.used()).isEqualTo(new Capacity(1536, 1250, 0, 0));

        assertThat(pool.release(a)).contains(GIGABYTE);
        assertThat(pool.free()).isEqualTo(new Capacity(3584, 3750, 0, 0));
        pool.release(b);
        assertThat(pool.used()).isEqualTo(Capacity.NONE);
        assertThat(pool.allocationCount()).isZero();
    }

    @Test
    void releasingATaskThatHoldsNothingChangesNothing() {
        UUID a = UUID.randomUUID();
        pool.allocate(a, GIGABYTE);
        pool.release(a);

        assertThat(pool.release(a)).isEmpty();
        assertThat(pool.release(UUID.randomUUID())).isEmpty();
        assertThat(pool.used()).isEqualTo(Capacity.NONE);
    }

    @Test
    void aSecondAllocationToTheSameTaskIsRefusedRatherThanLeaked() {
        UUID a = UUID.randomUUID();
        pool.allocate(a, GIGABYTE);
        assertThatThrownBy(() -> pool.allocate(a, GIGABYTE)).isInstanceOf(IllegalStateException.class);
        assertThat(pool.used()).isEqualTo(GIGABYTE);
    }

    @Test
    void thePoolNeverOvercommits() {
        pool.allocate(UUID.randomUUID(), new Capacity(4000, 1000, 0, 0));
        assertThatThrownBy(() -> pool.allocate(UUID.randomUUID(), new Capacity(97, 1, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("free is 96 MB");
        assertThat(pool.allocationCount()).isEqualTo(1);
    }

    @Test
    void onlyCriticalTasksMayTakeTheHeadroom() {
        ResourcePool guarded = new ResourcePool(NODE, NODE.memoryAndCpuShare(0.25));
        guarded.allocate(UUID.randomUUID(), new Capacity(2048, 2000, 0, 0));

        assertThat(guarded.admits(TaskPriority.HIGH, new Capacity(1024, 1000, 0, 0))).isTrue();
        assertThat(guarded.admits(TaskPriority.HIGH, new Capacity(1025, 1000, 0, 0))).isFalse();
        assertThat(guarded.admits(TaskPriority.CRITICAL, new Capacity(2048, 2000, 0, 0))).isTrue();
    }

    @Test
    void aTaskLargerThanItsShareOfAnEmptyNodeCouldNeverBeAdmitted() {
        ResourcePool guarded = new ResourcePool(NODE, NODE.memoryAndCpuShare(0.25));
        Capacity big = new Capacity(3500, 1000, 0, 0);

        assertThat(guarded.couldEverAdmit(TaskPriority.NORMAL, big)).isFalse();
        assertThat(guarded.couldEverAdmit(TaskPriority.CRITICAL, big)).isTrue();
        assertThat(guarded.couldEverAdmit(TaskPriority.CRITICAL, new Capacity(4097, 1, 0, 0))).isFalse();
    }

    @Test
    void aTransferMovesAnAllocationWithoutFreeingItInBetween() {
        UUID victim = UUID.randomUUID();
        UUID beneficiary = UUID.randomUUID();
        pool.allocate(victim, GIGABYTE);
        pool.allocate(beneficiary, new Capacity(512, 0, 0, 0));

        pool.transfer(victim, beneficiary, new Capacity(2048, 2000, 0, 0));

        assertThat(pool.allocatedTo(victim)).isEmpty();
        assertThat(pool.allocatedTo(beneficiary)).contains(new Capacity(1536, 1000, 0, 0));
        assertThat(pool.used()).isEqualTo(new Capacity(1536, 1000, 0, 0));
    }

    @Test
    void whatATransferBringsBeyondTheLimitIsReleased() {
        UUID victim = UUID.randomUUID();
        UUID beneficiary = UUID.randomUUID();
        pool.allocate(victim, new Capacity(2048, 2000, 0, 0));
        pool.allocate(beneficiary, new Capacity(512, 0, 0, 0));

        pool.transfer(victim, beneficiary, new Capacity(1024, 500, 0, 0));

        assertThat(pool.allocatedTo(beneficiary)).contains(new Capacity(1024, 500, 0, 0));
        assertThat(pool.used()).isEqualTo(new Capacity(1024, 500, 0, 0));
    }

    @Test
    void aHeadroomAsLargeAsTheNodeIsRefused() {
        assertThatThrownBy(() -> new ResourcePool(NODE, new Capacity(4096, 1000, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
