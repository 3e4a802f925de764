package gpufaas.app;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.backend.sim.Simulation;
import gpufaas.engine.metrics.RunSummary;
import gpufaas.views.compare.PublishedValues;
import gpufaas.views.experiment.ExperimentViewModel;
import gpufaas.workload.experiment.ExperimentSpec;
import gpufaas.workload.experiment.Presets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the window gets from the command line's reproduction: the report's rows for Compare, and the quick run itself. */
class GuiServicesTest {

    private static RunSummary run(ExperimentSpec spec, String policy) {
        ExperimentSpec s = ExperimentViewModel.withPolicy(spec, policy);
        var plan = GuiServices.plan(s, null);
        return Simulation.run(plan.config(), plan.workload(), null, null).summary();
    }

    @Test
    void published_ofADissertationTrace_areTheReportsCalibrationRowsForThePoliciesThatRan() {
        ExperimentSpec spec = Presets.spec("diss-25.7095");
        Map<String, RunSummary> byPolicy = new LinkedHashMap<>();
        byPolicy.put("mqfq-sticky", run(spec, "mqfq-sticky"));
        byPolicy.put("fcfs", run(spec, "fcfs"));
        List<PublishedValues.PublishedRow> rows = GuiServices.published(spec, byPolicy);
        assertThat(rows)
                .extracting(PublishedValues.PublishedRow::column)
                .containsExactly(
                        "mqfq-sticky mean latency",
                        "fcfs mean latency",
                        "fcfs / mqfq-sticky",
                        "mqfq-sticky gpu utilization",
                        "fcfs gpu utilization");
        PublishedValues.PublishedRow mean = rows.get(0);
        assertThat(mean.row()).isEqualTo("25.7095");
        assertThat(mean.published()).isCloseTo(8.9, Assertions.within(0.01));
        assertThat(mean.simulated())
                .isCloseTo(byPolicy.get("mqfq-sticky").latency().meanE2eMs() / 1000, Assertions.within(1e-9));
        assertThat(mean.ratio()).isCloseTo(mean.simulated() / mean.published(), Assertions.within(1e-9));
        assertThat(mean.target()).isEqualTo("within ×1.5");
        assertThat(mean.verdict()).isIn("ok", "MISS");
        assertThat(rows.get(1).verdict()).as("no target: shown for comparison").isEmpty();
        assertThat(GuiServices.published(Presets.spec("teaching-3"), byPolicy)).isEmpty();
    }

    @Test
    void reproduce_writesTheQuickReport_andSaysWhereItIs(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("rep");
        List<int[]> progress = new CopyOnWriteArrayList<>();
        var r = GuiServices.reproduce(out, (done, total) -> progress.add(new int[] {done, total}));
        assertThat(r.report()).isEqualTo(out.resolve("report.md"));
        assertThat(Files.readString(r.report())).contains("## Headline");
        assertThat(r.targets()).isPositive();
        assertThat(r.met()).isBetween(0L, r.targets());
        assertThat(progress).isNotEmpty();
        int total = progress.get(0)[1];
        assertThat(progress).anyMatch(p -> p[0] == total);
        assertThat(out.resolve("manifest.json")).exists();
    }
}
