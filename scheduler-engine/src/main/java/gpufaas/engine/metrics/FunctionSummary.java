package gpufaas.engine.metrics;

/**
 * Results for one function, or for all ({@code function} = "ALL"). Latencies in milliseconds;
 * NaN where nothing completed. {@code isolatedMs} is the function's warm time alone on the device
 * it ran on; {@code slowdown} is mean e2e / isolated. {@code sloAttainment} is NaN without SLOs.
 */
public record FunctionSummary(
        String function,
        long invocations,
        long completed,
        long rejected,
        long dropped,
        long failed,
        double meanE2eMs,
        double p50E2eMs,
        double p99E2eMs,
        double meanQueueMs,
        double meanExecMs,
        long coldStarts,
        long gpuColdStarts,
        long warmStarts,
        long cpuStarts,
        double coldPct,
        double isolatedMs,
        double slowdown,
        double sloAttainment) {}
