package gpufaas.views.latency;

import java.util.List;

/**
 * Everything the latency charts draw for one run, immutable: the rolling series (time in seconds,
 * mean and p99 in ms over a window of {@code windowS}), the CDF (latency ms, cumulative share) and
 * per-function means and p99s.
 */
public record LatencyCurves(
        String label,
        double windowS,
        double[] timeS,
        double[] meanMs,
        double[] p99Ms,
        double[] cdfMs,
        double[] cdfShare,
        List<FunctionLatency> functions,
        long completed) {
    public static LatencyCurves empty(String label) {
        return new LatencyCurves(
                label, 0, new double[0], new double[0], new double[0], new double[0], new double[0], List.of(), 0);
    }

    public LatencyCurves {
        functions = List.copyOf(functions);
    }

    public LatencyCurves withLabel(String newLabel) {
        return new LatencyCurves(newLabel, windowS, timeS, meanMs, p99Ms, cdfMs, cdfShare, functions, completed);
    }

    /** One function's completed count, mean and p99 (ms). */
    public record FunctionLatency(String function, long completed, double meanMs, double p99Ms) {}
}
