package gpufaas.workload.io;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.engine.metrics.FunctionSummary;
import gpufaas.engine.metrics.Metric;
import gpufaas.engine.metrics.RunSummary;
import gpufaas.engine.run.RunResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryWritersTest {
    private static final double NaN = Double.NaN;
    private static final FunctionSummary F =
            new FunctionSummary("f,1", 3, 2, 1, 0, 0, 100.0 / 3, 20, 60, 1.5, 30, 1, 0, 1, 0, 50, 10, 10.0 / 3, NaN);
    private static final FunctionSummary ALL =
            new FunctionSummary("ALL", 3, 2, 1, 0, 0, 100.0 / 3, 20, 60, 1.5, 30, 1, 0, 1, 0, 50, NaN, NaN, NaN);

    private static RunSummary summary(double slo) {
        return summary(slo, 17);
    }

    private static RunSummary summary(double slo, long wallMs) {
        return new RunSummary(
                "mqfq-sticky",
                new RunSummary.Counts(3, 2, 1, 0, 0, 0, 1.0 / 3, 0),
                new RunSummary.Latency(100.0 / 3, 20, 50, 60, 60, 60, 1.5, 30),
                new RunSummary.Starts(1, 50, 0, 1, 0),
                new RunSummary.Devices(0.25, 0.4, 0, 1, 2),
                new RunSummary.Fairness(1, 0),
                new RunSummary.Throughput(4, 0.5, 0.5),
                new RunSummary.Costs(0.000123456789, 0.000123456789 / 2),
                new RunSummary.Slo(slo, slo, 2, 0, 0),
                wallMs,
                42,
                List.of(),
                List.of(F, ALL));
    }

    @Test
    void summaryCsvHasOneRowPerFunctionThenAllWithEmptyNaNs() {
        assertThat(SummaryCsvWriter.toCsv(summary(NaN).functions()))
                .isEqualTo(
                        "function,invocations,completed,rejected,dropped,failed,mean_e2e_ms,p50_e2e_ms,p99_e2e_ms,mean_queue_ms,"
                                + "mean_exec_ms,cold_starts,gpu_cold_starts,warm_starts,cpu_starts,cold_pct,isolated_ms,slowdown,"
                                + "slo_attainment\n"
                                + "\"f,1\",3,2,1,0,0,33.3333,20,60,1.5,30,1,0,1,0,50,10,3.33333,\n"
                                + "ALL,3,2,1,0,0,33.3333,20,60,1.5,30,1,0,1,0,50,,,\n");
    }

    @Test
    void summaryJsonIsSnakeCaseWithNullsAndWithoutSloWhenThereIsNone() {
        String json = SummaryJsonWriter.toText(new RunResult(summary(NaN), true, null));
        assertThat(json).isEqualTo("""
                {
                  "policy": "mqfq-sticky",
                  "invocations": 3,
                  "completed": 2,
                  "rejected": 1,
                  "dropped": 0,
                  "failed": 0,
                  "unfinished": 0,
                  "mean_e2e_ms": 33.3333,
                  "p50_e2e_ms": 20,
                  "p90_e2e_ms": 50,
                  "p99_e2e_ms": 60,
                  "p999_e2e_ms": 60,
                  "max_e2e_ms": 60,
                  "mean_queue_ms": 1.5,
                  "mean_exec_ms": 30,
                  "cold_starts": 1,
                  "cold_pct": 50,
                  "gpu_cold_starts": 0,
                  "warm_starts": 1,
                  "cpu_starts": 0,
                  "gpu_utilization": 0.25,
                  "gpu_exec_share": 0.4,
                  "jain_fairness": 1,
                  "fn_latency_variance": 0,
                  "evictions": 0,
                  "swaps_out": 1,
                  "prefetches": 2,
                  "makespan_s": 4,
                  "throughput_per_s": 0.5,
                  "cost": 0.000123457,
                  "on_time": 2,
                  "violations": 0,
                  "violation_rate": 0,
                  "rejection_rate": 0.333333,
                  "drop_rate": 0,
                  "goodput_per_s": 0.5,
                  "cost_per_on_time": 0.0000617284,
                  "wall_ms": 17,
                  "events_per_s": 2470.59,
                  "events": 42,
                  "complete": true,
                  "incomplete_reason": null,
                  "functions": [
                    {
                      "function": "f,1",
                      "invocations": 3,
                      "completed": 2,
                      "rejected": 1,
                      "dropped": 0,
                      "failed": 0,
                      "mean_e2e_ms": 33.3333,
                      "p50_e2e_ms": 20,
                      "p99_e2e_ms": 60,
                      "mean_queue_ms": 1.5,
                      "mean_exec_ms": 30,
                      "cold_starts": 1,
                      "gpu_cold_starts": 0,
                      "warm_starts": 1,
                      "cpu_starts": 0,
                      "cold_pct": 50,
                      "isolated_ms": 10,
                      "slowdown": 3.33333,
                      "slo_attainment": null
                    },
                    {
                      "function": "ALL",
                      "invocations": 3,
                      "completed": 2,
                      "rejected": 1,
                      "dropped": 0,
                      "failed": 0,
                      "mean_e2e_ms": 33.3333,
                      "p50_e2e_ms": 20,
                      "p99_e2e_ms": 60,
                      "mean_queue_ms": 1.5,
                      "mean_exec_ms": 30,
                      "cold_starts": 1,
                      "gpu_cold_starts": 0,
                      "warm_starts": 1,
                      "cpu_starts": 0,
                      "cold_pct": 50,
                      "isolated_ms": null,
                      "slowdown": null,
                      "slo_attainment": null
                    }
                  ]
                }
                """);
    }

    @Test
    void summaryJson_writesThePolicysOwnFieldsAfterTheStandardOnes() {
        RunSummary s = summary(NaN);
        RunSummary withOwn = new RunSummary(
                s.policy(),
                s.counts(),
                s.latency(),
                s.starts(),
                s.devices(),
                s.fairness(),
                s.throughput(),
                s.costs(),
                s.slo(),
                s.wallMs(),
                s.events(),
                List.of(new Metric("over_budget", 2L)),
                s.functions());
        assertThat(SummaryJsonWriter.toText(new RunResult(withOwn, true, null)))
                .contains("  \"events\": 42,\n  \"over_budget\": 2,\n  \"complete\": true,\n");
    }

    @Test
    void eventsPerSecondFollowWallTimeAndAreNullUnderAMillisecond() {
        // 42 events in 17 ms: 2470.588... per second, 6 significant digits
        assertThat(SummaryJsonWriter.toText(new RunResult(summary(NaN, 17), true, null)))
                .contains("  \"wall_ms\": 17,\n  \"events_per_s\": 2470.59,\n  \"events\": 42,\n");
        assertThat(SummaryJsonWriter.toText(new RunResult(summary(NaN, 0), true, null)))
                .contains("  \"wall_ms\": 0,\n  \"events_per_s\": null,\n  \"events\": 42,\n");
    }

    @Test
    void summaryJsonKeepsSloAttainmentAndTheIncompleteReason() {
        String json = SummaryJsonWriter.toText(new RunResult(summary(0.875), false, "2 invocations did not finish"));
        assertThat(json)
                .contains("  \"fn_latency_variance\": 0,\n  \"slo_attainment\": 0.875,\n  \"evictions\": 0,\n")
                .contains("  \"complete\": false,\n  \"incomplete_reason\": \"2 invocations did not finish\",\n");
    }
}
