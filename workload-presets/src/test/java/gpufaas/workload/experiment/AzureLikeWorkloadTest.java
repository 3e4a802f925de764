package gpufaas.workload.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gpufaas.engine.device.DeviceProfile;
import gpufaas.workload.device.DeviceProfiles;
import gpufaas.workload.gen.ArrivalProcess;
import gpufaas.workload.gen.OfferedLoad;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AzureLikeWorkloadTest {
    private final DeviceProfile a30 = DeviceProfiles.load("a30");

    private static double[] rates(ExperimentSpec s) {
        return ((WorkloadSpec.Generated) s.workload())
                .functions().stream()
                        .mapToDouble(f -> f.arrival().meanRatePerS())
                        .toArray();
    }

    @Test
    void build_offeredLoadOnTheDevice_equalsTheRequestedShare() {
        ExperimentSpec s = AzureLikeWorkload.build(40, 0.7, 600, 3, a30);
        Experiment e = ExperimentLoader.resolve(s, null, "azure-like");
        List<ArrivalProcess> ps = new ArrayList<>();
        for (FunctionEntry f : ((WorkloadSpec.Generated) s.workload()).functions()) ps.add(f.arrival());
        assertThat(OfferedLoad.onDevices(e.workload().functions(), ps, a30.speed(), 1))
                .isCloseTo(0.7, within(1e-9));
        assertThat(e.workload().functions()).hasSize(40);
        assertThat(e.device().name()).isEqualTo("a30");
        assertThat(s.durationS()).isEqualTo(600);
    }

    @Test
    void build_sameArguments_sameSpec_otherSeed_otherSpec() {
        assertThat(AzureLikeWorkload.build(20, 0.5, 60, 1, a30))
                .isEqualTo(AzureLikeWorkload.build(20, 0.5, 60, 1, a30));
        assertThat(AzureLikeWorkload.build(20, 0.5, 60, 1, a30))
                .isNotEqualTo(AzureLikeWorkload.build(20, 0.5, 60, 2, a30));
    }

    @Test
    void build_popularity_isHeavyTailed() {
        double[] r = rates(AzureLikeWorkload.build(200, 0.7, 600, 5, a30));
        Arrays.sort(r);
        double median = r[r.length / 2];
        assertThat(r[r.length - 1] / median).isGreaterThan(20);
        double top10 = 0;
        double all = 0;
        for (int i = 0; i < r.length; i++) {
            all += r[i];
            if (i >= r.length - 20) top10 += r[i];
        }
        assertThat(top10 / all).isGreaterThan(0.5);
    }

    @Test
    void build_specSurvivesJsonRoundTrip() {
        ExperimentSpec s = AzureLikeWorkload.build(10, 0.6, 120, 9, DeviceProfiles.load("h100"));
        assertThat(ExperimentJson.read(ExperimentJson.write(s), "rt")).isEqualTo(s);
        assertThat(s.description()).contains("0.60").contains("h100");
    }
}
