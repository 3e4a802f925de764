package gpufaas.views.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gpufaas.views.run.EngineCommand;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacingClockTest {
    private static final long S = 1_000_000_000L;

    @Test
    void target_advancesAtTheSpeedFromTheAnchor() {
        PacingClock c = new PacingClock(Speed.of(10), 0);
        c.anchor(5 * S, 2_000_000);
        assertThat(c.targetUs(5 * S)).isEqualTo(2_000_000);
        assertThat(c.targetUs(6 * S)).isEqualTo(12_000_000);
        assertThat(c.nanosUntil(7_000_000, 5 * S)).isEqualTo(S / 2);
        assertThat(c.nanosUntil(1_000_000, 5 * S)).isZero();
    }

    @Test
    void maxSpeed_hasNoTarget() {
        PacingClock c = new PacingClock(Speed.MAX, 0);
        c.anchor(0, 0);
        assertThat(c.targetUs(1)).isEqualTo(Long.MAX_VALUE);
        assertThat(c.nanosUntil(123, 0)).isZero();
    }

    @Test
    void setSpeed_keepsTheSimulatedTimeReached() {
        PacingClock c = new PacingClock(Speed.of(1), 0);
        c.anchor(0, 0);
        c.setSpeed(Speed.of(100), S, 1_000_000);
        assertThat(c.targetUs(S)).isEqualTo(1_000_000);
        assertThat(c.targetUs(2 * S)).isEqualTo(101_000_000);
    }

    @Test
    void eventRateCap_allowsAboutRateTimesElapsed() {
        PacingClock c = new PacingClock(Speed.MAX, 20_000);
        c.anchor(0, 0);
        int ran = 0;
        while (c.mayRunEvent(S / 10)) {
            c.eventRun();
            ran++;
        }
        assertThat(ran).isBetween(2000, 2001);
        assertThat(c.nanosUntilNextEvent(S / 10)).isBetween(0L, 50_000L);
    }

    @Test
    void keepUp_reAnchorsAfterFallingBehind() {
        PacingClock c = new PacingClock(Speed.of(1), 0);
        c.anchor(0, 0);
        c.keepUp(S / 10, 0); // 100 ms behind: keep the schedule
        assertThat(c.targetUs(S / 10)).isEqualTo(100_000);
        c.keepUp(2 * S, 0); // 2 s behind: start again from here
        assertThat(c.targetUs(2 * S)).isZero();
    }

    @Test
    void speed_isBoundedAndLabelled() {
        assertThat(Speed.of(10).label()).isEqualTo("10×");
        assertThat(Speed.of(2.5).label()).isEqualTo("2.5×");
        assertThat(Speed.of(0.1).label()).isEqualTo("0.1×");
        assertThat(Speed.MAX.label()).isEqualTo("max");
        assertThatThrownBy(() -> Speed.of(0.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Speed.of(5000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void speedScale_isLogarithmicFromATenthToAThousand() {
        assertThat(SpeedScale.factorAt(0)).isEqualTo(0.1);
        assertThat(SpeedScale.factorAt(1)).isEqualTo(1);
        assertThat(SpeedScale.factorAt(2)).isEqualTo(10);
        assertThat(SpeedScale.factorAt(4)).isEqualTo(1000);
        assertThat(SpeedScale.positionOf(100)).isEqualTo(3);
        assertThat(SpeedScale.factorAt(SpeedScale.positionOf(35))).isEqualTo(35);
    }

    @Test
    void transportViewModel_sendsCommandsAndFormatsTheClock() {
        List<EngineCommand> sent = new ArrayList<>();
        TransportViewModel vm = new TransportViewModel(sent::add);
        vm.maxSpeed.set(true);
        vm.setSpeedFactor(100);
        vm.stepEvent();
        vm.stepDecision();
        vm.reset();
        assertThat(sent)
                .containsExactly(
                        new EngineCommand.SetSpeed(Speed.MAX),
                        new EngineCommand.SetSpeed(Speed.of(10)),
                        new EngineCommand.SetSpeed(Speed.of(100)),
                        new EngineCommand.StepEvent(),
                        new EngineCommand.StepDecision(),
                        new EngineCommand.Reset());
        assertThat(TransportViewModel.clock(83_215_000)).isEqualTo("t = 1:23.215");
        assertThat(TransportViewModel.clock(3_723_500_000L)).isEqualTo("t = 1:02:03.500");
        assertThat(TransportViewModel.clock(1_500_000)).isEqualTo("t = 1.500 s");
    }
}
