package gpufaas.workload.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gpufaas.engine.device.DeviceProfile;
import gpufaas.engine.device.MigProfile;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.workload.gen.ArrivalProcess;
import gpufaas.workload.gen.OfferedLoad;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PresetsTest {

    private static List<ArrivalProcess> processes(Experiment e) {
        List<ArrivalProcess> ps = new ArrayList<>();
        for (FunctionEntry f : ((WorkloadSpec.Generated) e.spec().workload()).functions()) ps.add(f.arrival());
        return ps;
    }

    private static double deviceLoad(Experiment e) {
        return OfferedLoad.onDevices(
                e.workload().functions(),
                processes(e),
                e.device().speed(),
                e.spec().devices().count());
    }

    private static double totalRate(Experiment e) {
        double r = 0;
        for (ArrivalProcess p : processes(e)) r += p.meanRatePerS();
        return r;
    }

    @Test
    void list_everyPresetHasADescriptionAndLoads() {
        assertThat(Presets.names())
                .containsExactly(
                        "paper-medium",
                        "teaching-3",
                        "mps-demo",
                        "mig-demo",
                        "multi-gpu",
                        "mixed-slo",
                        "overload",
                        "cpu-gpu",
                        "kaas-tenants",
                        "docker-demo",
                        "diss-25.7",
                        "diss-25.8",
                        "diss-23.6",
                        "diss-21.9",
                        "diss-25.709",
                        "diss-25.7095",
                        "diss-25.712",
                        "diss-25.708",
                        "diss-25.707");
        for (PresetInfo p : Presets.list()) {
            assertThat(p.description()).as(p.name()).hasSizeGreaterThan(40);
            Experiment e = ExperimentLoader.loadPreset(p.name());
            assertThat(e.spec().name()).isEqualTo(p.name());
            assertThat(e.inputs()).hasSize(1);
            assertThat(e.inputs().get(0).path()).isEqualTo("preset:" + p.name());
            assertThat(e.workload().arrivals().get().advance()).isTrue();
        }
    }

    @Test
    void description_statesTheOfferedLoadItActuallyHas() {
        for (String name : Presets.names()) {
            if (name.startsWith("diss-")) continue; // the published traces: their load is what it was
            Experiment e = ExperimentLoader.loadPreset(name);
            double load = deviceLoad(e);
            assertThat(e.spec().description())
                    .as(name)
                    .contains(String.format(Locale.ROOT, "Offered GPU load %.2f", load));
            if (name.equals("overload") || name.equals("cpu-gpu")) {
                assertThat(load).as(name + " is meant to overload the GPU").isGreaterThan(1.0);
            } else {
                assertThat(load).as(name).isBetween(0.4, 0.9);
            }
        }
    }

    @Test
    void paperMedium_24FunctionsOverTheCatalogAt2point5PerSecondOnOneA30() {
        Experiment e = ExperimentLoader.loadPreset("paper-medium");
        assertThat(e.workload().functions()).hasSize(24);
        assertThat(e.workload().functions().stream()
                        .map(f -> f.name().replaceAll("-\\d+$", ""))
                        .distinct())
                .hasSize(14);
        assertThat(totalRate(e)).isCloseTo(2.5, within(0.01));
        assertThat(e.spec().durationS()).isEqualTo(600);
        assertThat(e.device().name()).isEqualTo("a30");
        assertThat(e.spec().devices().count()).isEqualTo(1);
        assertThat(e.spec().policy()).isEqualTo("mqfq-sticky");
        assertThat(deviceLoad(e)).isBetween(0.6, 0.9);
        double first = processes(e).get(0).meanRatePerS();
        double last = processes(e).get(23).meanRatePerS();
        assertThat(first / last).isGreaterThan(50); // heavy-tailed popularity
    }

    @Test
    void teaching3_threeFunctionsShortMediumLong() {
        Experiment e = ExperimentLoader.loadPreset("teaching-3");
        assertThat(e.workload().functions())
                .extracting(FunctionSpec::name)
                .containsExactly("isoneural", "fft", "imagenet");
        assertThat(e.spec().durationS()).isEqualTo(120);
    }

    @Test
    void mpsDemo_hasMpsOnAndDThree() {
        Experiment e = ExperimentLoader.loadPreset("mps-demo");
        assertThat(e.spec().devices().mps()).isTrue();
        assertThat(e.spec().params()).containsEntry("D", "3");
        assertThat(e.workload().functions().size()).isLessThan(24);
    }

    @Test
    void migDemo_everyFunctionFitsAOneGInstance() {
        Experiment e = ExperimentLoader.loadPreset("mig-demo");
        DeviceProfile a30 = e.device();
        MigProfile mig = a30.migProfile(e.spec().devices().mig());
        assertThat(mig.name()).isEqualTo("1g.6gb");
        assertThat(mig.count()).isEqualTo(4);
        for (FunctionSpec f : e.workload().functions()) {
            assertThat(f.gpuMemMb() + a30.contextMemMb()).as(f.name()).isLessThanOrEqualTo(mig.memoryMb());
        }
    }

    @Test
    void multiGpu_48FunctionsAt5PerSecondOnTwoA100() {
        Experiment e = ExperimentLoader.loadPreset("multi-gpu");
        assertThat(e.workload().functions()).hasSize(48);
        assertThat(totalRate(e)).isCloseTo(5.0, within(0.01));
        assertThat(e.device().name()).isEqualTo("a100-40gb");
        assertThat(e.spec().devices().count()).isEqualTo(2);
    }
}
