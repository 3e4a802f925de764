package gpufaas.views.transport;

import gpufaas.views.run.EngineCommand;
import gpufaas.views.run.RunStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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
        TransportViewModel vm = new TransportViewModel(c -> { });
        vm.live.set(true);
        vm.status.set(RunStatus.READY);
        assertThat(vm.canToggle()).as("play a loaded live run").isTrue();
        assertThat(vm.canStep()).isFalse();
        vm.status.set(RunStatus.PLAYING);
        assertThat(vm.canToggle()).as("a live run cannot pause").isFalse();
        assertThat(vm.canStep()).isFalse();
    }
}
