package gpufaas.backend.sim;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.model.Outcome;
import gpufaas.engine.model.Workload;
import gpufaas.engine.run.EngineConfig;
import gpufaas.engine.run.GpuSetup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MIG, MPS, multi-GPU binding, the utilization gate, memory modes and CPU placement, by hand
 * (reference device: speed 1, MIG profile "half" = half the compute and memory, two instances).
 */
class HardwareModelTest {
    static final FunctionSpec C = FunctionSpec.gpu(0, "C", 100, 100, 10);

    private static EngineConfig cfg(String policy, GpuSetup hw, Object... kv) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("util", "0");
        params.put("cold_floor_ms", "0");
        for (int i = 0; i < kv.length; i += 2) params.put(kv[i].toString(), kv[i + 1].toString());
        return EngineConfig.resolve(policy, null, hw.cpuCores() > 0 ? "speedup" : null, params, hw, 1, "test");
    }

    @Test
    void mig_instancesAreSeparateDevicesWithTheirComputeShare() {
        // two instances of half the GPU: one invocation each, 100 ms of work at half speed -> 200 ms
        Workload w = Recorder.workload(List.of(C), 0, 0, 0, 0);
        var hw = new GpuSetup(Recorder.ref(16000), 1, "half", false, 0);
        assertThat(Recorder.run(cfg("mqfq-sticky", hw, "D", 1), w, new Recorder()))
                .containsExactly("C#0 0->0->200 cold d0 completed", "C#1 0->0->200 cold d1 completed");
    }

    @Test
    void mps_gentlerCurveAndThreadPercentage() {
        // D=2, MPS with 100/D = 50 % threads: a lone client is 1 + 0.5 (100/50 - 1) = 1.5x slower;
        // two together share by the MPS curve (1.12 at k=2): 150 * 1.12 = 168.
        Workload two = Recorder.workload(List.of(C), 0, 0, 0, 0);
        var hw = new GpuSetup(Recorder.ref(16000), 1, null, true, 0);
        assertThat(Recorder.run(cfg("fcfs", hw, "D", 2), two, new Recorder()))
                .containsExactly("C#0 0->0->168 cold d0 completed", "C#1 0->0->168 cold d0 completed");
        // without MPS the same pair time-slices: 100 * 1.28 = 128 each
        var plain = new GpuSetup(Recorder.ref(16000), 1, null, false, 0);
        assertThat(Recorder.run(cfg("fcfs", plain, "D", 2), two, new Recorder()))
                .containsExactly("C#0 0->0->128 cold d0 completed", "C#1 0->0->128 cold d0 completed");
        // MPS with 100 % threads for each client: no lone-client penalty, 100 * 1.12 = 112
        assertThat(Recorder.run(cfg("fcfs", hw, "D", 2, "mps_pct", 100), two, new Recorder()))
                .containsExactly("C#0 0->0->112 cold d0 completed", "C#1 0->0->112 cold d0 completed");
    }

    @Test
    void mps_injectedCrash_failsEveryCoRunnerAndLosesNothing() {
        Workload w = Recorder.workload(List.of(C), 0, 0, 0, 0, 500, 0);
        var hw = new GpuSetup(Recorder.ref(16000), 1, null, true, 0);
        Recorder r = new Recorder();
        var result = Simulation.run(cfg("fcfs", hw, "D", 2, "mps_fail", 1), w, r, null);
        assertThat(r.finished).hasSize(3).allMatch(i -> i.outcome == Outcome.FAILED);
        assertThat(r.finished)
                .extracting(i -> i.reason)
                .anyMatch(s -> s.equals("mps client crashed"))
                .anyMatch(s -> s.startsWith("mps co-failure: client C inv#"));
        assertThat(result.summary().counts().failed()).isEqualTo(3);
        assertThat(result.complete()).isTrue();
    }

    @Test
    void multiGpu_lateBindingKeepsFunctionsOnTheDeviceHoldingTheirContainer() {
        FunctionSpec a = FunctionSpec.gpu(0, "A", 100, 100, 10);
        FunctionSpec b = FunctionSpec.gpu(1, "B", 100, 100, 10);
        // A0 -> d0 (least loaded, lowest index), B1 -> d1; at 500 B arrives first: its container is on d1
        Workload w = Recorder.workload(List.of(a, b), 0, 0, 0, 1, 500, 1, 500, 0);
        var hw = new GpuSetup(Recorder.ref(16000), 2, null, false, 0);
        assertThat(Recorder.run(cfg("mqfq-sticky", hw, "D", 1, "ttl", "10s"), w, new Recorder()))
                .containsExactly(
                        "A#0 0->0->100 cold d0 completed", "B#1 0->0->100 cold d1 completed",
                        "B#2 500->500->600 warm d1 completed", "A#3 500->500->600 warm d0 completed");
    }

    @Test
    void forceDevice_bindsOneInvocationElsewhere_forWhatIfReruns() {
        // as above, but B#2 is forced to d0 (free at 500 ms): it starts cold there; A#3 then binds to d1 (d0 busy),
        // also cold
        FunctionSpec a = FunctionSpec.gpu(0, "A", 100, 100, 10);
        FunctionSpec b = FunctionSpec.gpu(1, "B", 100, 100, 10);
        Workload w = Recorder.workload(List.of(a, b), 0, 0, 0, 1, 500, 1, 500, 0);
        var hw = new GpuSetup(Recorder.ref(16000), 2, null, false, 0);
        Recorder r = new Recorder();
        var e = Simulation.engine(cfg("mqfq-sticky", hw, "D", 1, "ttl", "10s"), w, r, null);
        e.forceDevice(2, 0);
        while (e.step()) {
            // to the end
        }
        assertThat(r.schedule())
                .containsExactly(
                        "A#0 0->0->100 cold d0 completed", "B#1 0->0->100 cold d1 completed",
                        "B#2 500->500->600 cold d0 completed", "A#3 500->500->600 cold d1 completed");
    }

    @Test
    void utilizationGate_holdsTheThirdDispatchUntilTheNextSample() {
        // U=95, D=3; L's kernels run 30 % of its execution (gpu_activity 0.3). Grants at 0 raise the estimate
        // 0 -> 50 (none running) -> 100 (+100/1): the third waits. At the 200 ms sample, two executions
        // time-sliced (factor 1.28) kept a kernel on the device 2 x 0.3 / 1.28 = 46.875 % of the time; the
        // smoothed reading 0.6 x 46.875 = 28.125 replaces the estimate: the gate opens and the third starts.
        FunctionSpec l = new FunctionSpec(0, "L", 1000, 1000, 10, Double.NaN, Double.NaN, 1, Double.NaN, 0.3);
        Workload w = Recorder.workload(List.of(l), 0, 0, 0, 0, 0, 0);
        var hw = new GpuSetup(Recorder.ref(16000), 1, null, false, 0);
        List<String> gated = Recorder.run(cfg("fcfs", hw, "D", 3, "util", 95), w, new Recorder());
        assertThat(gated.get(0)).startsWith("L#0 0->0->");
        assertThat(gated.get(1)).startsWith("L#1 0->0->");
        assertThat(gated.get(2)).startsWith("L#2 200->200->");
        // without the gate all three start at once
        assertThat(Recorder.run(cfg("fcfs", hw, "D", 3), w, new Recorder()).get(2))
                .startsWith("L#2 0->0->");
    }

    @Test
    void utilizationGate_aTokenGivenBackTakesItsShareOffTheEstimate() {
        // U=95, D=3, default kernel activity: C0 and C1 start at 0 (estimate 0 -> 50 -> 100) and C2 waits.
        // Both end at 128 (1.28 x 100); the first token given back lowers the estimate to 100 / 2 = 50, so C2
        // starts at 128, before the 200 ms sample, in C0's container (its memory still on the device): warm.
        Workload w = Recorder.workload(List.of(C), 0, 0, 0, 0, 0, 0);
        var hw = new GpuSetup(Recorder.ref(16000), 1, null, false, 0);
        assertThat(Recorder.run(cfg("fcfs", hw, "D", 3, "util", 95), w, new Recorder()))
                .containsExactly(
                        "C#0 0->0->128 cold d0 completed",
                        "C#1 0->0->128 cold d0 completed",
                        "C#2 128->128->228 warm d0 completed");
    }

    @Test
    void memoryNone_waitsForRoomAndThenReusesTheWarmContainer() {
        // 1000 MB device, 700 MB function, D=2: the second cannot fit next to the first; it waits
        // (holding its token) and takes the first's container warm when it is released at 100.
        FunctionSpec m = FunctionSpec.gpu(0, "M", 100, 100, 700);
        Workload w = Recorder.workload(List.of(m), 0, 0, 0, 0);
        var hw = new GpuSetup(Recorder.ref(1000), 1, null, false, 0);
        assertThat(Recorder.run(cfg("fcfs", hw, "D", 2, "memory", "none"), w, new Recorder()))
                .containsExactly("M#0 0->0->100 cold d0 completed", "M#1 0->100->200 warm d0 completed");
    }

    @Test
    void uvm_oversubscribedDeviceRunsSlower() {
        // 500 MB device, 700 MB footprint: demand paging the whole time, 1.4x -> 140
        FunctionSpec m = FunctionSpec.gpu(0, "M", 100, 100, 700);
        Workload w = Recorder.workload(List.of(m), 0, 0);
        var hw = new GpuSetup(Recorder.ref(500), 1, null, false, 0);
        assertThat(Recorder.run(cfg("fcfs", hw, "memory", "uvm"), w, new Recorder()))
                .containsExactly("M#0 0->0->140 cold d0 completed");
        var big = new GpuSetup(Recorder.ref(16000), 1, null, false, 0);
        assertThat(Recorder.run(cfg("fcfs", big, "memory", "uvm"), w, new Recorder()))
                .containsExactly("M#0 0->0->100 cold d0 completed");
    }

    @Test
    void speedupPlacement_sendsLowSpeedupFunctionsToTheCpuPool() {
        // L: GPU 100 ms, CPU 150 ms (speedup 1.5 <= 3) -> CPU; H: CPU 5000 ms (speedup 50) -> GPU
        FunctionSpec l = new FunctionSpec(0, "L", 100, 100, 10, 150, 150, 1, Double.NaN);
        FunctionSpec h = new FunctionSpec(1, "H", 100, 100, 10, 5000, 5000, 1, Double.NaN);
        Workload w = Recorder.workload(List.of(l, h), 0, 0, 0, 1, 0, 0);
        var hw = new GpuSetup(Recorder.ref(16000), 1, null, false, 2);
        Recorder r = new Recorder();
        // the CPU pool is device 1 (after the GPU), two cores: both L run at once, 150 ms each
        assertThat(Recorder.run(cfg("fcfs", hw), w, r))
                .containsExactly(
                        "L#0 0->0->150 cpu d1 completed",
                        "H#1 0->0->100 cold d0 completed",
                        "L#2 0->0->150 cpu d1 completed");
        assertThat(r.finished).filteredOn(i -> i.function == l).allMatch((Invocation i) -> i.onCpu && i.coldStart);
    }
}
