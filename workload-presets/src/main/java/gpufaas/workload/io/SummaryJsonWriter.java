package gpufaas.workload.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gpufaas.engine.metrics.FunctionSummary;
import gpufaas.engine.metrics.Metric;
import gpufaas.engine.metrics.RunSummary;
import gpufaas.engine.run.RunResult;
import java.nio.file.Path;

/**
 * Writes {@code summary.json}: the fields of {@link RunSummary#metrics()} in their order
 * ({@code policy, invocations, completed, rejected, dropped, failed, unfinished,
 * mean_e2e_ms, p50_e2e_ms, p90_e2e_ms, p99_e2e_ms, p999_e2e_ms, max_e2e_ms, mean_queue_ms,
 * mean_exec_ms, cold_starts, cold_pct, gpu_cold_starts, warm_starts, cpu_starts, gpu_utilization,
 * gpu_exec_share, jain_fairness, fn_latency_variance, slo_attainment, evictions, swaps_out, prefetches, makespan_s,
 * throughput_per_s, cost, admitted_slo_attainment, on_time, violations, violation_rate, rejection_rate,
 * drop_rate, goodput_per_s, cost_per_on_time, wall_ms, events_per_s, events}), then {@code complete} (whether every invocation
 * ended) and {@code incomplete_reason} (null when complete), then {@code functions}: the rows of
 * {@code summary.csv} as objects with the same snake_case keys.
 *
 * <p>Latencies in ms, {@code fn_latency_variance} in s², {@code gpu_utilization} (the share of time a
 * kernel runs, as NVML reports it), {@code gpu_exec_share} (the share of time an invocation executes),
 * {@code jain_fairness} and {@code slo_attainment} as shares 0..1, {@code cold_pct} in percent.
 * Doubles have 6 significant digits; NaN is null, except {@code slo_attainment} and {@code admitted_slo_attainment}, which are left out
 * when no function has an SLO. {@code wall_ms} (the run's wall-clock time) and {@code events_per_s}
 * (events processed per wall-clock second, {@link RunSummary#eventsPerS()}; null under 1 ms) are the
 * only values that differ between two runs of the same inputs and seed.
 */
public final class SummaryJsonWriter {
    private static final RecordFields FN = new RecordFields(FunctionSummary.class);

    private SummaryJsonWriter() {}

    /** The JSON tree of a run's result. */
    public static ObjectNode toJson(RunResult result) {
        RunSummary s = result.summary();
        ObjectNode o = ResultJson.object();
        for (Metric m : s.metrics()) {
            String key = m.name();
            Object v = m.value();
            if ((key.equals("slo_attainment") || key.equals("admitted_slo_attainment"))
                    && v instanceof Double d
                    && Double.isNaN(d)) continue;
            ResultJson.putValue(o, key, v);
        }
        o.put("complete", result.complete());
        if (result.incompleteReason() == null) o.putNull("incomplete_reason");
        else o.put("incomplete_reason", result.incompleteReason());
        ArrayNode fns = o.putArray("functions");
        for (FunctionSummary f : s.functions()) {
            ObjectNode row = fns.addObject();
            for (int i = 0; i < FN.size(); i++)
                ResultJson.putValue(row, FN.names().get(i), FN.value(f, i));
        }
        return o;
    }

    /** The file's text (ends with a line feed). */
    public static String toText(RunResult result) {
        return ResultJson.text(toJson(result));
    }

    public static void write(RunResult result, Path file) {
        ResultJson.write(toJson(result), file);
    }
}
