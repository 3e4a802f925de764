package gpufaas.views.teaching;

import gpufaas.views.run.EngineCommand;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TeachingViewModelTest {

    @Test
    void everyChange_sendsTheBreakpoints_andABadTimeIsShownInline() {
        List<EngineCommand> sent = new ArrayList<>();
        TeachingViewModel vm = new TeachingViewModel(sent::add);
        vm.onThrottle.set(true);
        vm.atSeconds.set("12.5");
        assertThat(sent.get(sent.size() - 1)).isEqualTo(new EngineCommand.SetBreakpoints(new Breakpoints(true, false, false, 12_500_000)));
        vm.atSeconds.set("soon");
        assertThat(vm.atProblem.get()).contains("'soon' is not a time");
        assertThat(sent.get(sent.size() - 1)).isEqualTo(new EngineCommand.SetBreakpoints(new Breakpoints(true, false, false, -1)));
        vm.atSeconds.set("");
        assertThat(vm.atProblem.get()).isEmpty();
    }

    @Test
    void set_armsALessonsBreakpointsWithOneCommand() {
        List<EngineCommand> sent = new ArrayList<>();
        TeachingViewModel vm = new TeachingViewModel(sent::add);
        vm.set(new Breakpoints(false, true, true, -1));
        assertThat(sent).containsExactly(new EngineCommand.SetBreakpoints(new Breakpoints(false, true, true, -1)));
        assertThat(vm.onColdStart.get()).isTrue();
    }

    @Test
    void lessons_useBuiltInPresetsAndPolicies() {
        for (Lesson l : Lessons.all()) {
            assertThat(gpufaas.workload.experiment.Presets.names()).contains(l.preset());
            gpufaas.engine.policy.PolicyRegistry.find(l.policy(), "lesson");
            assertThat(l.explanation()).isNotBlank();
        }
    }
}
