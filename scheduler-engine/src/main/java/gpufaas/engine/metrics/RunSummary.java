package gpufaas.engine.metrics;

import java.util.List;

/**
 * The overall result of a run, the fields of {@code summary.json}. Latencies in milliseconds,
 * {@code fnLatencyVariance} in s² (variance of per-function mean latency), utilization 0..1.
 * {@code admittedSloAttainment}: on-time share of the invocations with a deadline that admission
 * control let in (dropped ones count as missed); {@code onTime}: completions by their deadline (and within the cost budget of cost-aware);
 * {@code violations}: completions that were late or over budget; the rates are over all arrived
 * invocations; {@code makespanS} ends with the last invocation's outcome (keep-alive timers after it
 * do not count; a run that left invocations unfinished spans to where it stopped), and
 * {@code gpuUtilization}, {@code throughputPerS} and {@code goodputPerS} are per second of it;
 * {@code gpuUtilization} is what NVML reports (the share of time a kernel runs, averaged over the GPUs)
 * and {@code gpuExecShare} the share of time at least one invocation executes (its code started);
 * {@code costPerOnTime} the run's cost divided by its on-time completions. GPU-cold starts are the
 * cache misses (a container's data had to be loaded onto the device). {@code wallMs} is the run's
 * wall-clock time and {@code events} the events it processed (scheduled actions run and arrivals taken).
 */
public record RunSummary(String policy, long invocations, long completed, long rejected, long dropped, long failed,
                         long unfinished, double meanE2eMs, double p50E2eMs, double p90E2eMs, double p99E2eMs,
                         double p999E2eMs, double maxE2eMs, double meanQueueMs, double meanExecMs,
                         long coldStarts, double coldPct, long gpuColdStarts, long warmStarts, long cpuStarts,
                         double gpuUtilization, double gpuExecShare, double jainFairness, double fnLatencyVariance, double sloAttainment,
                         long evictions, long swapsOut, long prefetches, double makespanS, double throughputPerS,
                         double cost, double admittedSloAttainment, long onTime, long violations, double violationRate, double rejectionRate,
                         double dropRate, double goodputPerS, double costPerOnTime,
                         long wallMs, long events, List<FunctionSummary> functions) {

    /**
     * Events processed per second of wall-clock time ({@code events} over {@code wallMs}), NaN when the
     * run took less than a millisecond. Like {@code wallMs} it measures the host, not the run.
     */
    public double eventsPerS() {
        return wallMs > 0 ? events * 1000.0 / wallMs : Double.NaN;
    }
}
