package dev.symbiont.compliance.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportPhaseTest {

    @Test
    void collectingSpansMostOfTheWayAndAdvancesWithEveryEventRead() {
        assertThat(ReportPhase.COLLECTING.percent(0, 1_000L)).isEqualTo(2);
        assertThat(ReportPhase.COLLECTING.percent(500, 1_000L)).isEqualTo(46);
        assertThat(ReportPhase.COLLECTING.percent(1_000, 1_000L)).isEqualTo(90);
    }

    @Test
    void neverExceedsItsSpanNorDividesByZero() {
        assertThat(ReportPhase.COLLECTING.percent(5_000, 1_000L)).isEqualTo(90);
        assertThat(ReportPhase.COLLECTING.percent(0, 0L)).isEqualTo(2);
        assertThat(ReportPhase.COLLECTING.percent(0, null)).isEqualTo(2);
        assertThat(ReportPhase.COLLECTING.percent(Long.MAX_VALUE / 100, Long.MAX_VALUE / 100)).isEqualTo(90);
    }

    @Test
    void theOtherPhasesHaveFixedWeightsInOrder() {
        assertThat(ReportPhase.QUEUED.percent(10, 10L)).isZero();
        assertThat(ReportPhase.SEALING.percent(10, 10L)).isEqualTo(1);
        assertThat(ReportPhase.VERIFYING.percent(0, 10L)).isEqualTo(90);
        assertThat(ReportPhase.RENDERING.percent(0, 10L)).isEqualTo(95);
        assertThat(ReportPhase.DONE.percent(0, 10L)).isEqualTo(100);
    }

    @Test
    void labelsRoundTrip() {
        for (ReportPhase phase : ReportPhase.values()) {
            assertThat(ReportPhase.fromLabel(phase.label())).isEqualTo(phase);
        }
    }
}
