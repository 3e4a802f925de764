package gpufaas.backend.sim;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.engine.metrics.Metric;
import gpufaas.engine.model.ArrayArrivals;
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
 * Hand-computed schedules for SLO ordering, admission control and placement (ms; reference
 * device speed 1, zero footprints, cold floor 0, one token unless stated; "-" rows never ran).
 */
class SloAdmissionPlacementTest {
    static FunctionSpec fn(int id, String name, double warm, double slo) {
        return FunctionSpec.builder(id, name)
                .gpu(warm, warm)
                .memMb(0)
                .sloMs(slo)
                .build();
    }

    static FunctionSpec cpuFn(int id, String name, double warm, double cpu, double slo) {
        return FunctionSpec.builder(id, name)
                .gpu(warm, warm)
                .memMb(0)
                .cpu(cpu, cpu)
                .sloMs(slo)
                .build();
    }

    private static EngineConfig cfg(String policy, String admission, String placement, int cpus, Object... kv) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("util", "0");
        params.put("cold_floor_ms", "0");
        params.put("D", "1");
        for (int i = 0; i < kv.length; i += 2) params.put(kv[i].toString(), kv[i + 1].toString());
        return EngineConfig.resolve(
                policy,
                admission,
                placement,
                params,
                new GpuSetup(Recorder.ref(16000), 1, null, false, cpus),
                1,
                "test");
    }

    private static List<String> run(EngineConfig c, Workload w) {
        return Recorder.run(c, w, new Recorder());
    }

    /** outcomes with reasons, in id order */
    private static List<String> outcomes(EngineConfig c, Workload w) {
        Recorder r = new Recorder();
        Simulation.run(c, w, r, null);
        return r.finished.stream()
                .sorted((a, b) -> Long.compare(a.id, b.id))
                .map((Invocation i) -> i.function.name() + "#" + i.id + " " + i.outcome.label()
                        + (i.reason == null ? "" : " (" + i.reason + ")"))
                .toList();
    }

    // X blocks the device 0..500; A (SLO 1000) arrives at 10, B (SLO 300) at 20.
    static final FunctionSpec X = fn(0, "X", 500, Double.NaN);
    static final Workload EDF_CASE =
            Recorder.workload(List.of(X, fn(1, "A", 100, 1000), fn(2, "B", 100, 300)), 0, 0, 10, 1, 20, 2);

    @Test
    void edf_servesTheEarliestDeadlineFirst() {
        assertThat(run(cfg("edf", null, null, 0), EDF_CASE))
                .containsExactly(
                        "X#0 0->0->500 cold d0 completed",
                        "A#1 600->600->700 cold d0 completed",
                        "B#2 500->500->600 cold d0 completed");
        assertThat(run(cfg("fcfs", null, null, 0), EDF_CASE))
                .containsExactly(
                        "X#0 0->0->500 cold d0 completed",
                        "A#1 500->500->600 cold d0 completed",
                        "B#2 600->600->700 cold d0 completed");
    }

    @Test
    void lsf_servesTheLeastSlackWhereEdfServesTheEarliestDeadline() {
        // A: deadline 1010, estimate 100 -> latest start 910. B: deadline 1220, estimate 800 -> 420.
        Workload w = Recorder.workload(List.of(X, fn(1, "A", 100, 1000), fn(2, "B", 800, 1200)), 0, 0, 10, 1, 20, 2);
        assertThat(run(cfg("lsf", null, null, 0), w))
                .containsExactly(
                        "X#0 0->0->500 cold d0 completed",
                        "A#1 1300->1300->1400 cold d0 completed",
                        "B#2 500->500->1300 cold d0 completed");
        assertThat(run(cfg("edf", null, null, 0), w))
                .containsExactly(
                        "X#0 0->0->500 cold d0 completed",
                        "A#1 500->500->600 cold d0 completed",
                        "B#2 600->600->1400 cold d0 completed");
    }

    @Test
    void edfWarm_prefersAFeasibleWarmFunction() {
        // A0 runs 0..100. B1 (deadline 2010) and A2 (deadline 2020) wait; at 100 A's container is warm.
        Workload w = Recorder.workload(List.of(fn(0, "A", 100, 2000), fn(1, "B", 100, 2000)), 0, 0, 10, 1, 20, 0);
        assertThat(run(cfg("edf-warm", null, null, 0), w))
                .containsExactly(
                        "A#0 0->0->100 cold d0 completed",
                        "B#1 200->200->300 cold d0 completed",
                        "A#2 100->100->200 warm d0 completed");
        assertThat(run(cfg("edf", null, null, 0), w))
                .containsExactly(
                        "A#0 0->0->100 cold d0 completed",
                        "B#1 100->100->200 cold d0 completed",
                        "A#2 200->200->300 warm d0 completed");
    }

    @Test
    void costAware_picksTheCheapestFeasibleInvocation() {
        // both feasible at 500: A (100 ms) is cheaper than B (300 ms) although B's deadline is earlier
        Workload w = Recorder.workload(List.of(X, fn(1, "A", 100, 5000), fn(2, "B", 300, 4000)), 0, 0, 10, 1, 20, 2);
        assertThat(run(cfg("cost-aware", null, null, 0), w))
                .containsExactly(
                        "X#0 0->0->500 cold d0 completed",
                        "A#1 500->500->600 cold d0 completed",
                        "B#2 600->600->900 cold d0 completed");
    }

    @Test
    void costAware_budget_makesACompletionOverItAViolation() {
        // the costAware case's schedule; the reference GPU costs 0.001 per second: X 0.0005, A 0.0001,
        // B 0.0003. With a budget of 0.0002, X (no SLO) and B are over it although both end in time.
        Workload w = Recorder.workload(List.of(X, fn(1, "A", 100, 5000), fn(2, "B", 300, 4000)), 0, 0, 10, 1, 20, 2);
        var within =
                Simulation.run(cfg("cost-aware", null, null, 0), w, null, null).summary();
        assertThat(within.slo().onTime()).isEqualTo(3);
        assertThat(within.slo().violations()).isZero();
        assertThat(within.policyMetrics()).isEmpty(); // no budget, no field of its own
        var budget = Simulation.run(cfg("cost-aware", null, null, 0, "budget", 0.0002), w, null, null)
                .summary();
        assertThat(budget.slo().onTime()).isEqualTo(1);
        assertThat(budget.slo().violations()).isEqualTo(2);
        assertThat(budget.slo().sloAttainment()).isEqualTo(0.5);
        assertThat(budget.policyMetrics()).containsExactly(new Metric("over_budget", 2L));
        assertThat(budget.latency().meanE2eMs())
                .isEqualTo(within.latency().meanE2eMs()); // the budget judges, it does not reorder
    }

    // L: 1000 ms, SLO 1500. L0@0 runs 0..1000; L1@100 would start at 1000 and end at 2000 > 1600; L2@1200 fits.
    static final Workload L_CASE = Recorder.workload(List.of(fn(0, "L", 1000, 1500)), 0, 0, 100, 0, 1200, 0);

    @Test
    void feasible_rejectsAtArrivalWhatCannotMeetItsDeadline() {
        assertThat(outcomes(cfg("fcfs", "feasible", null, 0), L_CASE))
                .containsExactly(
                        "L#0 completed",
                        "L#1 rejected (infeasible: estimated finish 1900.0 ms after arrival exceeds the SLO of 1500.0 ms)",
                        "L#2 completed");
    }

    @Test
    void dropLate_dropsAtDispatchWhatCanNoLongerMakeIt() {
        assertThat(outcomes(cfg("fcfs", "drop-late", null, 0), L_CASE))
                .containsExactly(
                        "L#0 completed",
                        "L#1 dropped (late: would finish 1900.0 ms after arrival, SLO 1500.0 ms)",
                        "L#2 completed");
    }

    @Test
    void queueCap_rejectsWhileTheQueueIsFull() {
        Workload w = Recorder.workload(List.of(fn(0, "L", 1000, Double.NaN)), 0, 0, 100, 0, 200, 0);
        assertThat(outcomes(cfg("fcfs", "queue-cap", null, 0, "max_queued", 1), w))
                .containsExactly(
                        "L#0 completed", "L#1 completed", "L#2 rejected (queue cap: 1 invocations queued (cap 1))");
    }

    @Test
    void defer_parksLooseWorkWhileTheGpuIsBusy() {
        // no SLO = loose. L1 arrives while the only token is held (occupancy 1 > 0.5): parked until 1000,
        // when it enters right as L0 releases its container (back-to-back, warm).
        Workload w = Recorder.workload(List.of(fn(0, "L", 1000, Double.NaN)), 0, 0, 100, 0);
        assertThat(run(cfg("fcfs", "defer", null, 0), w))
                .containsExactly("L#0 0->0->1000 cold d0 completed", "L#1 1000->1000->2000 warm d0 completed");
    }

    @Test
    void gpuFirst_fallsBackToCpuThenRejects() {
        // F: GPU 100, CPU 300, SLO 350; five at 0. GPU finishes: 100, 200, 300, then 400 > 350 -> CPU (300);
        // the fifth: GPU 500, CPU 600 -> rejected.
        FunctionSpec f = cpuFn(0, "F", 100, 300, 350);
        Workload w = Recorder.workload(List.of(f), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        EngineConfig c = cfg("fcfs", null, "gpu-first", 1);
        assertThat(outcomes(c, w))
                .containsExactly(
                        "F#0 completed",
                        "F#1 completed",
                        "F#2 completed",
                        "F#3 completed",
                        "F#4 rejected (no device kind can meet its deadline)");
        assertThat(run(c, Recorder.workload(List.of(f), 0, 0, 0, 0, 0, 0, 0, 0)))
                .containsExactly(
                        "F#0 0->0->100 cold d0 completed", "F#1 100->100->200 warm d0 completed",
                        "F#2 200->200->300 warm d0 completed", "F#3 0->0->300 cpu d1 completed");
    }

    @Test
    void costFirst_prefersTheCheaperCpuWhileItMeetsTheDeadline() {
        // CPU second 0.0000133 vs GPU second 0.001: F0 on the CPU (300 <= 350); F1 would end at 600 there -> GPU.
        FunctionSpec f = cpuFn(0, "F", 100, 300, 350);
        assertThat(run(cfg("fcfs", null, "cost-first", 1), Recorder.workload(List.of(f), 0, 0, 0, 0)))
                .containsExactly("F#0 0->0->300 cpu d1 completed", "F#1 0->0->100 cold d0 completed");
    }

    @Test
    void slackSplit_sendsSlackToTheCpu() {
        // loose (SLO 5000: slack 4900 > 1000) -> CPU; tight (SLO 500: slack 400) -> GPU
        Workload w = Recorder.workload(
                List.of(cpuFn(0, "LOOSE", 100, 300, 5000), cpuFn(1, "TIGHT", 100, 300, 500)), 0, 0, 0, 1);
        assertThat(run(cfg("fcfs", null, "slack-split", 1, "theta_ms", 1000), w))
                .containsExactly("LOOSE#0 0->0->300 cpu d1 completed", "TIGHT#1 0->0->100 cold d0 completed");
    }

    @Test
    void sloMetrics_countOnTimeViolationsRejectionsAndGoodput() {
        var result = Simulation.run(cfg("fcfs", "feasible", null, 0), L_CASE, null, null)
                .summary();
        assertThat(result.slo().onTime()).isEqualTo(2);
        assertThat(result.slo().violations()).isZero();
        assertThat(result.counts().rejectionRate()).isEqualTo(1.0 / 3);
        assertThat(result.slo().sloAttainment()).isEqualTo(2.0 / 3);
        var late =
                Simulation.run(cfg("fcfs", null, null, 0), L_CASE, null, null).summary();
        // admitting all: L1 ends at 2000 > 1600 and L2, behind it, at 3000 > 2700
        assertThat(late.slo().violations()).isEqualTo(2);
        assertThat(late.slo().sloAttainment()).isEqualTo(1.0 / 3);
        assertThat(late.throughput().goodputPerS())
                .isEqualTo(1 / late.throughput().makespanS());
    }

    @Test
    void rejectedAndDroppedRows_keepTheirOutcome() {
        Recorder r = new Recorder();
        Simulation.run(cfg("fcfs", "drop-late", null, 0), L_CASE, r, null);
        assertThat(r.finished)
                .filteredOn(i -> i.outcome == Outcome.DROPPED)
                .singleElement()
                .satisfies(i -> assertThat(i.startUs).isEqualTo(-1));
    }

    @Test
    void perInvocationSlo_overridesTheFunctionsForDeadlinesAndAdmission() {
        // same L_CASE trace, but L1 carries its own SLO of 2000 ms: feasible (finish 1900 after arrival)
        FunctionSpec l = fn(0, "L", 1000, 1500);
        Workload w = new Workload(
                "t",
                List.of(l),
                () -> new ArrayArrivals(
                        new long[] {0, 100_000, 1_200_000}, new int[] {0, 0, 0}, new long[] {-1, 2_000_000, -1}));
        assertThat(outcomes(cfg("fcfs", "feasible", null, 0), w))
                .containsExactly(
                        "L#0 completed",
                        "L#1 completed",
                        "L#2 rejected "
                                + "(infeasible: estimated finish 1800.0 ms after arrival exceeds the SLO of 1500.0 ms)");
    }
}
