package gpufaas.backend.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gpufaas.engine.metrics.RunSummary;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Workload;
import gpufaas.engine.run.EngineConfig;
import gpufaas.engine.run.GpuSetup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The makespan and the figures per second of it, computed by hand (ms; reference device speed 1,
 * zero footprints, cold floor 0, one token, the utilization gate off).
 */
class MakespanTest {
    private static EngineConfig cfg(String policy, String admission, Object... kv) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("util", "0");
        params.put("cold_floor_ms", "0");
        params.put("D", "1");
        for (int i = 0; i < kv.length; i += 2) params.put(kv[i].toString(), kv[i + 1].toString());
        return EngineConfig.resolve(
                policy, admission, null, params, new GpuSetup(Recorder.ref(16000), 1, null, false, 0), 1, "test");
    }

    // F (100 ms) arrives at 0 and at 1000: it runs 0->100 and 1000->1100; the flow's keep-alive
    // (ttl 5 s) and the container's expire long after the second completion.
    static final FunctionSpec F = new FunctionSpec(0, "F", 100, 100, 0, Double.NaN, Double.NaN, 1, Double.NaN);
    static final Workload TWO = Recorder.workload(List.of(F), 0, 0, 1000, 0);

    @Test
    void makespan_endsWithTheLastCompletionNotTheKeepAliveTimers() {
        RunSummary s = Simulation.run(cfg("mqfq-sticky", null, "ttl", "5"), TWO, null, null)
                .summary();
        assertThat(s.counts().completed()).isEqualTo(2);
        assertThat(s.throughput().makespanS()).isEqualTo(1.1);
        // utilization counts kernel time (as NVML does): F runs alone, its kernels 0.7 of the time (the default)
        assertThat(s.devices().gpuUtilization()).isCloseTo(0.7 * 0.2 / 1.1, within(1e-9));
        assertThat(s.devices().gpuExecShare()).isCloseTo(0.2 / 1.1, within(1e-12));
        assertThat(s.throughput().throughputPerS()).isCloseTo(2 / 1.1, within(1e-12));
        assertThat(s.throughput().goodputPerS()).isCloseTo(2 / 1.1, within(1e-12));
    }

    @Test
    void makespan_isTheSameUnderEveryTtl() {
        for (String ttl : List.of("0", "0.5", "60")) {
            assertThat(Simulation.run(cfg("mqfq-sticky", null, "ttl", ttl), TWO, null, null)
                            .summary()
                            .throughput()
                            .makespanS())
                    .as("ttl " + ttl)
                    .isEqualTo(1.1);
        }
    }
}
