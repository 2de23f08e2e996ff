package dev.symbiont.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CapacityTest {

    @Test
    void cpuFractionsAddUpExactlyBecauseTheyAreHeldInMillicores() {
        Capacity tenth = Capacity.of(cores(0.1));
        Capacity sum = Capacity.NONE;
        for (int i = 0; i < 10; i++) {
            sum = sum.plus(tenth);
        }
        assertThat(sum.cpuMillicores()).isEqualTo(1000);
        for (int i = 0; i < 10; i++) {
            sum = sum.minus(tenth);
        }
        assertThat(sum.cpuMillicores()).isZero();
    }

    @Test
    void aSliverOfACoreStillCostsOneMillicore() {
        assertThat(Capacity.of(cores(0.0001)).cpuMillicores()).isEqualTo(1);
    }

    @Test
    void subtractingMoreThanThereIsIsAnError() {
        Capacity small = new Capacity(100, 100, 0, 0);
        assertThatThrownBy(() -> small.minus(new Capacity(101, 0, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }

    @Test
    void dimensionsTheNodeDoesNotAccountCountAsNothing() {
        ResourceRequest request = new ResourceRequest(512, 1, 50, 20, Duration.ofMinutes(1));
        assertThat(Capacity.of(request, Capacity.ofNode(4096, 4, 0, 100)))
                .isEqualTo(new Capacity(512, 1000, 0, 20));
    }

    @Test
    void beyondIsThePartTheOtherDoesNotCover() {
        assertThat(new Capacity(2048, 500, 10, 0).beyond(new Capacity(1024, 1000, 10, 5)))
                .isEqualTo(new Capacity(1024, 0, 0, 0));
    }

    @Test
    void theHeadroomShareIsRoundedDownAndLeavesIoAlone() {
        assertThat(Capacity.ofNode(4096, 4, 100, 100).memoryAndCpuShare(0.2))
                .isEqualTo(new Capacity(819, 800, 0, 0));
    }

    @Test
    void aCapacityDescribesItselfWithCoresToTheMillicore() {
        assertThat(new Capacity(2048, 1500, 100, 0).describe())
                .isEqualTo("2048 MB, 1.500 cores, 100 MB/s disk, 0 MB/s network");
        assertThat(new Capacity(1, 7, 0, 0).describe()).startsWith("1 MB, 0.007 cores");
    }

    private static ResourceRequest cores(double cpuCores) {
        return new ResourceRequest(1, cpuCores, 1, 0, Duration.ofMinutes(1));
    }
}
