package gpufaas.engine.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The overall result of a run, in groups: counts, latency, starts, devices, fairness, throughput,
 * costs and SLO. Latencies in milliseconds, utilization and attainments as shares 0..1.
 * {@link #metrics()} flattens it into the fields of {@code summary.json}, in that file's order,
 * followed by the fields the policy added ({@code policyMetrics}).
 *
 * @param wallMs the run's wall-clock time (the one value that depends on the host)
 * @param events engine events processed (scheduled actions run and arrivals taken)
 */
public record RunSummary(
        String policy,
        Counts counts,
        Latency latency,
        Starts starts,
        Devices devices,
        Fairness fairness,
        Throughput throughput,
        Costs costs,
        Slo slo,
        long wallMs,
        long events,
        List<Metric> policyMetrics,
        List<FunctionSummary> functions) {

    public RunSummary {
        policyMetrics = List.copyOf(policyMetrics);
        functions = List.copyOf(functions);
    }

    /**
     * Invocations by how they ended; {@code unfinished}: still running or queued when the run stopped.
     * The rates are over all arrived invocations.
     */
    public record Counts(
            long invocations,
            long completed,
            long rejected,
            long dropped,
            long failed,
            long unfinished,
            double rejectionRate,
            double dropRate) {}

    /** End-to-end latency of the completed invocations, and its queueing and execution parts (ms). */
    public record Latency(
            double meanE2eMs,
            double p50E2eMs,
            double p90E2eMs,
            double p99E2eMs,
            double p999E2eMs,
            double maxE2eMs,
            double meanQueueMs,
            double meanExecMs) {}

    /**
     * Starts of the completed invocations by type; GPU-cold starts are the cache misses (a
     * container's data had to be loaded onto the device). {@code coldPct} in percent of completed.
     */
    public record Starts(long coldStarts, double coldPct, long gpuColdStarts, long warmStarts, long cpuStarts) {}

    /**
     * {@code gpuUtilization}: what NVML reports (the share of time a kernel runs, averaged over the
     * GPUs); {@code gpuExecShare}: the share of time at least one invocation executes (its code
     * started); both per second of the makespan. Then the memory moves of all devices.
     */
    public record Devices(double gpuUtilization, double gpuExecShare, long evictions, long swapsOut, long prefetches) {}

    /** Jain's index over the functions' isolated/mean latency, and the variance of their mean latencies (s²). */
    public record Fairness(double jainFairness, double fnLatencyVariance) {}

    /**
     * {@code makespanS} ends with the last invocation's outcome (keep-alive timers after it do not
     * count; a run that left invocations unfinished spans to where it stopped); completions and
     * on-time completions per second of it.
     */
    public record Throughput(double makespanS, double throughputPerS, double goodputPerS) {}

    /** The run's cost (device-seconds × prices), and that cost divided by its on-time completions. */
    public record Costs(double cost, double costPerOnTime) {}

    /**
     * {@code sloAttainment}: on-time share of the invocations with a deadline (NaN without any);
     * {@code admittedSloAttainment}: the same over those admission control let in (dropped ones
     * count as missed); {@code onTime}: completions by their deadline that met the policy's
     * objectives (cost-aware's budget); {@code violations}: the other completions;
     * {@code violationRate}: violations over all arrived invocations.
     */
    public record Slo(
            double sloAttainment, double admittedSloAttainment, long onTime, long violations, double violationRate) {}

    /** The standard fields of summary.json, in the file's order (which predates the groups). */
    private static final List<Column> COLUMNS = List.of(
            col("policy", RunSummary::policy),
            col("invocations", s -> s.counts.invocations()),
            col("completed", s -> s.counts.completed()),
            col("rejected", s -> s.counts.rejected()),
            col("dropped", s -> s.counts.dropped()),
            col("failed", s -> s.counts.failed()),
            col("unfinished", s -> s.counts.unfinished()),
            col("mean_e2e_ms", s -> s.latency.meanE2eMs()),
            col("p50_e2e_ms", s -> s.latency.p50E2eMs()),
            col("p90_e2e_ms", s -> s.latency.p90E2eMs()),
            col("p99_e2e_ms", s -> s.latency.p99E2eMs()),
            col("p999_e2e_ms", s -> s.latency.p999E2eMs()),
            col("max_e2e_ms", s -> s.latency.maxE2eMs()),
            col("mean_queue_ms", s -> s.latency.meanQueueMs()),
            col("mean_exec_ms", s -> s.latency.meanExecMs()),
            col("cold_starts", s -> s.starts.coldStarts()),
            col("cold_pct", s -> s.starts.coldPct()),
            col("gpu_cold_starts", s -> s.starts.gpuColdStarts()),
            col("warm_starts", s -> s.starts.warmStarts()),
            col("cpu_starts", s -> s.starts.cpuStarts()),
            col("gpu_utilization", s -> s.devices.gpuUtilization()),
            col("gpu_exec_share", s -> s.devices.gpuExecShare()),
            col("jain_fairness", s -> s.fairness.jainFairness()),
            col("fn_latency_variance", s -> s.fairness.fnLatencyVariance()),
            col("slo_attainment", s -> s.slo.sloAttainment()),
            col("evictions", s -> s.devices.evictions()),
            col("swaps_out", s -> s.devices.swapsOut()),
            col("prefetches", s -> s.devices.prefetches()),
            col("makespan_s", s -> s.throughput.makespanS()),
            col("throughput_per_s", s -> s.throughput.throughputPerS()),
            col("cost", s -> s.costs.cost()),
            col("admitted_slo_attainment", s -> s.slo.admittedSloAttainment()),
            col("on_time", s -> s.slo.onTime()),
            col("violations", s -> s.slo.violations()),
            col("violation_rate", s -> s.slo.violationRate()),
            col("rejection_rate", s -> s.counts.rejectionRate()),
            col("drop_rate", s -> s.counts.dropRate()),
            col("goodput_per_s", s -> s.throughput.goodputPerS()),
            col("cost_per_on_time", s -> s.costs.costPerOnTime()),
            col("wall_ms", RunSummary::wallMs),
            col("events_per_s", RunSummary::eventsPerS),
            col("events", RunSummary::events));

    private record Column(String name, Function<RunSummary, Object> value) {}

    private static Column col(String name, Function<RunSummary, Object> value) {
        return new Column(name, value);
    }

    /**
     * Events processed per second of wall-clock time ({@code events} over {@code wallMs}), NaN when the
     * run took less than a millisecond. Like {@code wallMs} it measures the host, not the run.
     */
    public double eventsPerS() {
        return wallMs > 0 ? events * 1000.0 / wallMs : Double.NaN;
    }

    /** The names of the standard fields, in summary.json's order. */
    public static List<String> standardNames() {
        List<String> out = new ArrayList<>(COLUMNS.size());
        for (Column c : COLUMNS) out.add(c.name());
        return out;
    }

    /** Every field of the summary, in summary.json's order: the standard ones, then the policy's. */
    public List<Metric> metrics() {
        List<Metric> out = new ArrayList<>(COLUMNS.size() + policyMetrics.size());
        for (Column c : COLUMNS) out.add(new Metric(c.name(), c.value().apply(this)));
        out.addAll(policyMetrics);
        return out;
    }
}
