package gpufaas.engine.device;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The gate of reference §5 with a 200 ms sample period, computed by hand. */
class UtilizationGateTest {

    @Test
    void grants_raiseTheEstimateUntilTheGateCloses() {
        UtilizationGate g = new UtilizationGate(200_000, 95);
        assertThat(g.open(0)).isTrue();
        g.granted(0, 0);              // idle: +50 -> 50
        assertThat(g.estimatePct(0)).isEqualTo(50);
        g.setBusy(0, true);
        g.granted(0, 1);              // one running: +50/1 -> 100
        assertThat(g.estimatePct(0)).isEqualTo(100);
        assertThat(g.open(0)).isFalse();
    }

    @Test
    void sample_replacesTheEstimateWithTheWeightedMeasurement() {
        UtilizationGate g = new UtilizationGate(200_000, 95);
        g.granted(0, 0);              // 50
        g.setBusy(0, true);
        g.setBusy(50_000, false);     // busy 50 ms of the first 200 ms: measured 25 %
        // at 200 ms: 0.6 * 25 + 0.4 * 50 = 35
        assertThat(g.estimatePct(200_000)).isCloseTo(35, within(1e-9));
        // idle for three more samples: 35 * 0.4^3
        assertThat(g.estimatePct(800_000)).isCloseTo(35 * 0.064, within(1e-9));
        assertThat(g.busyUs(800_000)).isEqualTo(50_000);
    }

    @Test
    void longBusyStretch_convergesInClosedFormAndCountsBusyTime() {
        UtilizationGate g = new UtilizationGate(200_000, 95);
        g.setBusy(100_000, true);     // first interval half busy: 0.6 * 50 = 30 at 200 ms
        assertThat(g.estimatePct(200_000)).isCloseTo(30, within(1e-9));
        // 10 more fully busy intervals: 100 + (30 - 100) * 0.4^10
        assertThat(g.estimatePct(2_200_000)).isCloseTo(100 + (30 - 100) * Math.pow(0.4, 10), within(1e-9));
        assertThat(g.busyUs(2_300_000)).isEqualTo(2_200_000);
        assertThat(g.nextSampleUs(2_300_000)).isEqualTo(2_400_000);
    }

    @Test
    void limitZero_turnsTheGateOff() {
        UtilizationGate g = new UtilizationGate(200_000, 0);
        for (int i = 0; i < 10; i++) g.granted(0, i);
        assertThat(g.open(0)).isTrue();
    }
}
