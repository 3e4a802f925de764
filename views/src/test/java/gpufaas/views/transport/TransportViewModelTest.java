package gpufaas.views.transport;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.views.run.EngineCommand;
import gpufaas.views.run.RunStatus;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The transport's buttons: what a simulation allows, and what a live (wall-clock) run does not. */
class TransportViewModelTest {

    @Test
    void aSimulationCanPauseAndStepWhilePlaying() {
        List<EngineCommand> sent = new ArrayList<>();
        TransportViewModel vm = new TransportViewModel(sent::add);
        vm.status.set(RunStatus.PLAYING);
        assertThat(vm.canToggle()).isTrue();
        assertThat(vm.canStep()).isTrue();
        vm.togglePlay();
        assertThat(sent).singleElement().isInstanceOf(EngineCommand.Pause.class);
        vm.status.set(RunStatus.FINISHED);
        assertThat(vm.canToggle()).isFalse();
        assertThat(vm.canStep()).isFalse();
    }

    @Test
    void aLiveRunCanOnlyStartAndReset() {
        TransportViewModel vm = new TransportViewModel(c -> {});
        vm.live.set(true);
        vm.status.set(RunStatus.READY);
        assertThat(vm.canToggle()).as("play a loaded live run").isTrue();
        assertThat(vm.canStep()).isFalse();
        vm.status.set(RunStatus.PLAYING);
        assertThat(vm.canToggle()).as("a live run cannot pause").isFalse();
        assertThat(vm.canStep()).isFalse();
    }

    @Test
    void play_atTimeZeroWithPendingEdits_appliesThemFirst_reset_appliesThemAlways() {
        List<String> order = new ArrayList<>();
        TransportViewModel vm =
                new TransportViewModel(c -> order.add(c.getClass().getSimpleName()));
        vm.onApplyEdits(() -> {
            order.add("apply");
            return true;
        });
        vm.status.set(RunStatus.READY);
        vm.pendingEdits.set("Not in this run yet: policy fcfs (the run: mqfq-sticky).");
        vm.play();
        assertThat(order).containsExactly("apply", "Play");
        order.clear();
        vm.status.set(RunStatus.PAUSED); // a run under way goes on as loaded
        vm.play();
        assertThat(order).containsExactly("Play");
        order.clear();
        vm.reset();
        assertThat(order).containsExactly("apply");
        order.clear();
        vm.pendingEdits.set("");
        vm.reset();
        assertThat(order).containsExactly("Reset");
    }

    @Test
    void play_whenThePendingEditsCannotRun_doesNotPlayTheOldRun() {
        List<EngineCommand> sent = new ArrayList<>();
        TransportViewModel vm = new TransportViewModel(sent::add);
        vm.onApplyEdits(() -> false);
        vm.status.set(RunStatus.READY);
        vm.pendingEdits.set("Not in this run yet: an edit with a problem.");
        vm.play();
        assertThat(sent).isEmpty();
    }

    @Test
    void speedSlider_oneKeyStep_isAThirdOfADecade() {
        double ten = SpeedScale.positionOf(10);
        assertThat(SpeedScale.factorAt(ten + SpeedScale.KEY_STEP)).isEqualTo(22);
        assertThat(SpeedScale.factorAt(ten + 3 * SpeedScale.KEY_STEP)).isEqualTo(100);
        assertThat(SpeedScale.factorAt(ten - SpeedScale.KEY_STEP)).isCloseTo(4.6, Assertions.within(1e-9));
    }
}
