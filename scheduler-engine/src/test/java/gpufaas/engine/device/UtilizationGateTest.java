package gpufaas.engine.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The gate of reference §5 with a 200 ms sample period, computed by hand. */
class UtilizationGateTest {

    @Test
    void grants_raiseTheEstimateUntilTheGateCloses() {
        UtilizationGate g = new UtilizationGate(200_000, 95);
        assertThat(g.open(0)).isTrue();
        g.granted(0, 0); // idle: +50 -> 50
        assertThat(g.estimatePct(0)).isEqualTo(50);
        g.setActivity(0, 1, true);
        g.granted(0, 1); // one running: +50/1 -> 100
        assertThat(g.estimatePct(0)).isEqualTo(100);
        assertThat(g.open(0)).isFalse();
    }

    @Test
    void release_takesOneRunningShareBackBeforeTheNextSample() {
        UtilizationGate g = new UtilizationGate(200_000, 95);
        g.granted(0, 0); // 50
        g.granted(0, 1); // 100: closed
        assertThat(g.open(10)).isFalse();
        g.released(10, 2); // 100 / 2 * 1 = 50: open again at once
        assertThat(g.estimatePct(10)).isEqualTo(50);
        assertThat(g.open(10)).isTrue();
        g.released(20, 1); // the last one: 0
        assertThat(g.estimatePct(20)).isZero();
    }

    @Test
    void sample_replacesTheEstimateWithTheSmoothedMeasurement() {
        UtilizationGate g = new UtilizationGate(200_000, 95);
        g.granted(0, 0); // 50 until the first sample
        g.setActivity(0, 1, true);
        g.setActivity(50_000, 0, false); // kernels ran 50 ms of the first 200 ms: measured 25 %
        // at 200 ms: smoothed 0.6 * 25 + 0.4 * 0 = 15, and the grant's increment is gone
        assertThat(g.estimatePct(200_000)).isCloseTo(15, within(1e-9));
        // idle for three more samples: 15 * 0.4^3
        assertThat(g.estimatePct(800_000)).isCloseTo(15 * 0.064, within(1e-9));
        assertThat(g.busyUs(800_000)).isEqualTo(50_000);
        assertThat(g.executingUs(800_000)).isEqualTo(50_000);
    }

    @Test
    void partialKernelActivity_countsOnlyItsShareAsBusy() {
        UtilizationGate g = new UtilizationGate(200_000, 95);
        g.setActivity(0, 0.4, true); // an execution whose kernels run 40 % of the time
        // at 200 ms: 0.6 * 40 = 24; at 400 ms: 0.6 * 40 + 0.4 * 24 = 33.6
        assertThat(g.estimatePct(400_000)).isCloseTo(33.6, within(1e-9));
        assertThat(g.busyUs(1_000_000)).isEqualTo(400_000);
        assertThat(g.executingUs(1_000_000)).isEqualTo(1_000_000);
    }

    @Test
    void longBusyStretch_convergesInClosedFormAndCountsBusyTime() {
        UtilizationGate g = new UtilizationGate(200_000, 95);
        g.setActivity(100_000, 1, true); // first interval half busy: 0.6 * 50 = 30 at 200 ms
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

    @Test
    void estimatePctAt_readsWhatTheGateWouldSee_withoutMovingItsClock() {
        UtilizationGate observed = new UtilizationGate(200_000, 95);
        UtilizationGate alone = new UtilizationGate(200_000, 95);
        UtilizationGate probe = new UtilizationGate(200_000, 95);
        for (UtilizationGate g : new UtilizationGate[] {observed, alone, probe}) {
            g.granted(0, 0);
            g.setActivity(0, 0.37, true);
        }
        // an observer reads across a sample boundary; the gate's own arithmetic must not change
        assertThat(observed.estimatePctAt(250_000)).isEqualTo(probe.estimatePct(250_000));
        assertThat(observed.estimatePctAt(130_000)).isEqualTo(50);
        assertThat(observed.openAt(130_000)).isTrue();
        for (UtilizationGate g : new UtilizationGate[] {observed, alone}) g.setActivity(333_333, 0.81, true);
        assertThat(observed.estimatePct(777_777)).isEqualTo(alone.estimatePct(777_777));
        assertThat(observed.busyUs(777_777)).isEqualTo(alone.busyUs(777_777));
    }
}
