package gpufaas.workload.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gpufaas.engine.model.ArrivalSource;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.workload.experiment.Experiment;
import gpufaas.workload.experiment.ExperimentLoader;
import gpufaas.workload.experiment.ExperimentSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DissertationTracesTest {

    @Test
    void traces_areTheNineOfTheCalibrationData_withTheirPublishedTotals() {
        assertThat(DissertationTraces.traces())
                .containsExactly("25.7", "25.8", "23.6", "21.9", "25.709", "25.7095", "25.712", "25.708", "25.707");
        // the five with published results: the invocation counts of published-results.csv
        for (PublishedResults.Row r : PublishedResults.rows()) {
            assertThat(DissertationTraces.invocations(r.trace())).as(r.trace()).isEqualTo(r.invocations());
            assertThat(DissertationTraces.invocations(r.trace()) / DissertationTraces.SPAN_S)
                    .isCloseTo(r.reqPerS(), within(0.001));
        }
        // trace 25.7095: 90 x 14.5 + 684 x 22.5 + 69 x 3887.5 + 9 x 1164.2 + 680 x 363.6 ms of warm work
        assertThat(DissertationTraces.warmWorkS("25.7095"))
                .isCloseTo((90 * 14.5 + 684 * 22.5 + 69 * 3887.5 + 9 * 1164.2 + 680 * 363.6) / 1000, within(1e-6));
    }

    @Test
    void preset_hasEveryTraceFunctionWithItsWarmTimeAndExactlyItsInvocations() {
        Experiment e = ExperimentLoader.loadPreset("diss-25.7095");
        List<FunctionSpec> fns = e.workload().functions();
        List<DissertationTraces.Row> rows = DissertationTraces.rows("25.7095");
        assertThat(fns).hasSize(rows.size());
        Map<Integer, Integer> counts = new HashMap<>();
        ArrivalSource a = e.workload().arrivals().get();
        long last = 0;
        while (a.advance()) {
            assertThat(a.timeUs()).isGreaterThanOrEqualTo(last).isLessThan(600_000_000L);
            last = a.timeUs();
            counts.merge(a.function(), 1, Integer::sum);
        }
        for (int i = 0; i < rows.size(); i++) {
            assertThat(fns.get(i).name()).isEqualTo(rows.get(i).function());
            assertThat(fns.get(i).gpuWarmMs()).isEqualTo(rows.get(i).warmMs());
            assertThat(counts.get(i))
                    .as(rows.get(i).function())
                    .isEqualTo(rows.get(i).invocations());
        }
        assertThat(fns.get(0).name()).isEqualTo("pyhpc-eos-0");
        assertThat(fns.get(0).gpuColdMs()).isEqualTo(2408);
        assertThat(e.device().name()).isEqualTo("v100");
        assertThat(e.spec().params())
                .containsEntry("D", "2")
                .containsEntry("util", "95")
                .containsEntry("pool", "16");
    }

    @Test
    void preset_differentSeeds_drawDifferentTimesOfTheSameCounts() {
        var spec = DissertationTraces.experiment("25.7");
        var a = ExperimentLoader.resolve(spec, null, "a").workload().arrivals().get();
        var b = ExperimentLoader.resolve(
                        new ExperimentSpec(
                                spec.name(),
                                spec.description(),
                                7L,
                                spec.durationS(),
                                spec.workload(),
                                spec.devices(),
                                spec.policy(),
                                null,
                                null,
                                spec.params(),
                                null),
                        null,
                        "b")
                .workload()
                .arrivals()
                .get();
        int n = 0;
        int same = 0;
        while (a.advance() && b.advance()) {
            n++;
            if (a.timeUs() == b.timeUs()) same++;
        }
        assertThat(n).isEqualTo(1166);
        assertThat(same).isLessThan(10);
    }
}
