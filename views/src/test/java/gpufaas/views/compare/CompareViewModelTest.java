package gpufaas.views.compare;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.views.TestPlanner;
import gpufaas.views.experiment.ExperimentViewModel;
import gpufaas.workload.experiment.Presets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompareViewModelTest {
    private static CompareRow row(String p, double meanS, double p99S, double cold, double util, double jain) {
        return new CompareRow(p, "done", meanS * 1000, meanS * 800, p99S * 1000, cold, util, jain, 100);
    }

    @Test
    void isBest_marksTheLowestLatencyAndTheHighestFairness_notATie() {
        CompareViewModel vm = new CompareViewModel(null);
        CompareRow m = row("mqfq-sticky", 4.95, 20, 3, 60, 0.9);
        CompareRow f = row("fcfs", 12.4, 40, 3, 70, 0.6);
        vm.rows.setAll(m, f);
        assertThat(vm.isBest(m, CompareViewModel.Metric.MEAN)).isTrue();
        assertThat(vm.isBest(f, CompareViewModel.Metric.MEAN)).isFalse();
        assertThat(vm.isBest(m, CompareViewModel.Metric.FAIRNESS)).isTrue();
        assertThat(vm.isBest(f, CompareViewModel.Metric.UTILIZATION)).isTrue();
        assertThat(vm.isBest(m, CompareViewModel.Metric.COLD))
                .as("a tie marks nobody")
                .isFalse();
        vm.rows.setAll(m);
        assertThat(vm.isBest(m, CompareViewModel.Metric.MEAN))
                .as("one run: nothing to compare")
                .isFalse();
    }

    @Test
    void verdict_namesTheBestPolicyPerMeasure_andHowFarBehindTheWorstIs() {
        String v = CompareViewModel.verdictOf(List.of(
                row("mqfq-sticky", 4.95, 20, 3, 60, 0.9),
                row("fcfs", 12.4, 40, 5, 70, 0.6),
                new CompareRow(
                        "batch",
                        "running 40 %",
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        0)));
        assertThat(v)
                .startsWith("Best: mqfq-sticky (mean, p50, p99, cold, fairness (Jain)); fcfs (GPU util).")
                .contains("Mean latency: mqfq-sticky 4.95 s, fcfs 12.40 s (2.5× the best).");
        assertThat(CompareViewModel.verdictOf(List.of(row("fcfs", 1, 2, 3, 4, 0.5))))
                .isEmpty();
    }

    @Test
    void aDissertationTrace_getsThePublishedValuesOfThePoliciesThatRan() throws Exception {
        Map<String, String> seen = new HashMap<>();
        PublishedValues stub = (spec, byPolicy) -> {
            seen.put("experiment", spec.name());
            seen.put("policies", String.join(",", byPolicy.keySet()));
            return List.of(new PublishedValues.PublishedRow(
                    "25.7095",
                    "mqfq-sticky mean latency",
                    "s",
                    8.9,
                    byPolicy.get("mqfq-sticky").latency().meanE2eMs() / 1000,
                    0.5,
                    "within ×1.5",
                    "MISS"));
        };
        try (CompareRunner runner = new CompareRunner(TestPlanner.SIM, 2)) {
            CompareViewModel vm = new CompareViewModel(runner, stub);
            vm.chosen.setAll("mqfq-sticky", "fcfs");
            TestPlanner planner = new TestPlanner();
            vm.start(
                    Presets.spec("diss-25.7095"), ExperimentViewModel::withPolicy, s -> planner.plan(s, null), s -> "");
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (vm.running.get() && System.nanoTime() < deadline) {
                vm.poll();
                Thread.sleep(20);
            }
            vm.poll();
            assertThat(seen).containsEntry("experiment", "diss-25.7095").containsEntry("policies", "mqfq-sticky,fcfs");
            assertThat(vm.published)
                    .singleElement()
                    .extracting(PublishedValues.PublishedRow::verdict)
                    .isEqualTo("MISS");
            assertThat(vm.publishedNote.get())
                    .startsWith(
                            "Published (MQFQ-Sticky dissertation, one V100) beside this comparison: 0 of 1 targets met.")
                    .doesNotContain("differ");
            assertThat(vm.verdict.get()).startsWith("Best: ");
        }
    }
}
