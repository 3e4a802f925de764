package gpufaas.views.compare;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.views.TestPlanner;
import gpufaas.views.experiment.ExperimentViewModel;
import gpufaas.views.run.RunPlan;
import gpufaas.workload.experiment.ExperimentSpec;
import gpufaas.workload.experiment.Presets;
import org.junit.jupiter.api.Test;

class CompareRunnerTest {

    @Test
    void comparison_runsEachPolicyToTheEnd_inTheBackground() throws Exception {
        try (CompareRunner runner = new CompareRunner(TestPlanner.SIM, 2)) {
            CompareViewModel vm = new CompareViewModel(runner);
            vm.chosen.setAll("mqfq-sticky", "fcfs", "no-such-policy");
            ExperimentSpec base = Presets.spec("teaching-3");
            TestPlanner planner = new TestPlanner();
            boolean started = vm.start(
                    base,
                    ExperimentViewModel::withPolicy,
                    s -> {
                        try {
                            return planner.plan(s, null);
                        } catch (RuntimeException e) {
                            return null;
                        }
                    },
                    s -> "unknown policy");
            assertThat(started).isTrue();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (vm.running.get() && System.nanoTime() < deadline) {
                vm.poll();
                Thread.sleep(20);
            }
            assertThat(vm.rows).extracting(CompareRow::policy).containsExactly("mqfq-sticky", "fcfs", "no-such-policy");
            assertThat(vm.rows.get(0).status()).isEqualTo("done");
            assertThat(vm.rows.get(2).status()).isEqualTo("failed: unknown policy");
            assertThat(vm.results()).hasSize(2);
            CompareResult fcfs = vm.results().stream()
                    .filter(r -> r.policy().equals("fcfs"))
                    .findFirst()
                    .orElseThrow();
            // the same engine, run directly, gives the same summary
            RunPlan p = planner.plan(ExperimentViewModel.withPolicy(base, "fcfs"), null);
            var direct = TestPlanner.SIM
                    .create(p.config(), p.workload(), null, null)
                    .run()
                    .summary();
            assertThat(fcfs.summary().latency().meanE2eMs())
                    .isEqualTo(direct.latency().meanE2eMs());
            assertThat(fcfs.curves().completed()).isEqualTo(direct.counts().completed());
            assertThat(vm.status.get()).startsWith("Done: 2 of 3 runs");
        }
    }

    @Test
    void aLiveExperimentIsComparedOnTheSimulatorAndSaysSo() throws Exception {
        try (CompareRunner runner = new CompareRunner(TestPlanner.SIM, 2)) {
            CompareViewModel vm = new CompareViewModel(runner);
            vm.chosen.setAll("fcfs");
            ExperimentSpec base = Presets.spec("docker-demo");
            TestPlanner planner = new TestPlanner();
            assertThat(vm.start(base, ExperimentViewModel::withPolicy, s -> planner.plan(s, null), s -> ""))
                    .isTrue();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (vm.running.get() && System.nanoTime() < deadline) {
                vm.poll();
                Thread.sleep(20);
            }
            assertThat(vm.rows.get(0).status()).isEqualTo("done");
            assertThat(vm.status.get())
                    .startsWith("Done: 1 of 1 runs")
                    .contains("(on the simulator: the experiment's docker backend runs only in the Live tab)");
        }
    }
}
