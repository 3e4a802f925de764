package gpufaas.views.teaching;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.engine.policy.PolicyRegistry;
import gpufaas.views.run.EngineCommand;
import gpufaas.workload.experiment.Presets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeachingViewModelTest {

    @Test
    void everyChange_sendsTheBreakpoints_andABadTimeIsShownInline() {
        List<EngineCommand> sent = new ArrayList<>();
        TeachingViewModel vm = new TeachingViewModel(sent::add);
        vm.onThrottle.set(true);
        vm.atSeconds.set("12.5");
        assertThat(sent.get(sent.size() - 1))
                .isEqualTo(new EngineCommand.SetBreakpoints(new Breakpoints(true, false, false, 12_500_000)));
        vm.atSeconds.set("soon");
        assertThat(vm.atProblem.get()).contains("'soon' is not a time");
        assertThat(sent.get(sent.size() - 1))
                .isEqualTo(new EngineCommand.SetBreakpoints(new Breakpoints(true, false, false, -1)));
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
            assertThat(Presets.names()).contains(l.preset());
            PolicyRegistry.find(l.policy(), "lesson");
            assertThat(l.explanation()).isNotBlank();
        }
    }

    @Test
    void leaveLesson_disarmsTheLessonsBreakpoints_andSaysSo() {
        List<EngineCommand> sent = new ArrayList<>();
        TeachingViewModel vm = new TeachingViewModel(sent::add);
        Lesson two = Lessons.all().get(1);
        vm.lesson.set(two);
        vm.setFromLesson(two.breakpoints());
        assertThat(vm.armedByLesson()).isTrue();
        assertThat(vm.armed.get())
                .isEqualTo("Breakpoints armed by lesson 2: the run pauses on a flow turning Throttled.");
        vm.leaveLesson();
        assertThat(vm.onThrottle.get()).isFalse();
        assertThat(vm.lesson.get()).isNull();
        assertThat(vm.armed.get()).isEmpty();
        assertThat(sent.get(sent.size() - 1)).isEqualTo(new EngineCommand.SetBreakpoints(Breakpoints.NONE));
    }

    @Test
    void leaveLesson_keepsBreakpointsSetByHandAfterTheLessonArmedItsOwn() {
        TeachingViewModel vm = new TeachingViewModel(c -> {});
        Lesson three = Lessons.all().get(2);
        vm.lesson.set(three);
        vm.setFromLesson(three.breakpoints());
        vm.onEviction.set(true); // by hand: the breakpoints are now the user's
        vm.leaveLesson();
        assertThat(vm.onColdStart.get()).isTrue();
        assertThat(vm.onEviction.get()).isTrue();
        assertThat(vm.armed.get()).isEqualTo("Breakpoints armed: the run pauses on a cold start, an eviction.");
        vm.atSeconds.set("30");
        assertThat(vm.armed.get()).endsWith("an eviction, simulated time 30 s.");
        vm.clear();
        assertThat(vm.breakpoints()).isEqualTo(Breakpoints.NONE);
        assertThat(vm.armed.get()).isEmpty();
    }
}
