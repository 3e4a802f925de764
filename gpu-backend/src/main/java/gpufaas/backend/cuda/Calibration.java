package gpufaas.backend.cuda;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What {@link Calibrator} measured on one card.
 *
 * @param h2dGBps          managed-memory prefetch bandwidth host → device (GB/s, 10^9 bytes)
 * @param d2hGBps          the same device → host
 * @param contextMemMb     device memory one extra CUDA context with the kernels loaded takes (MiB), NaN if not measured
 * @param slowdownByKind   per kernel kind, factor of execution time with k = 1..n kernels on k streams
 * @param slowdown         the combined curve (geometric mean over the kinds, made ≥ 1 and non-decreasing)
 * @param kernelMs         the length each kernel was sized to for the concurrency runs (ms)
 */
public record Calibration(
        CudaDevice device,
        int driverVersion,
        KernelRates rates,
        double h2dGBps,
        double d2hGBps,
        long movedBytes,
        double contextMemMb,
        Map<KernelKind, double[]> slowdownByKind,
        double[] slowdown,
        double kernelMs) {
    public Calibration {
        EnumMap<KernelKind, double[]> m = new EnumMap<>(KernelKind.class);
        for (Map.Entry<KernelKind, double[]> e : slowdownByKind.entrySet())
            m.put(e.getKey(), e.getValue().clone());
        slowdownByKind = Collections.unmodifiableMap(m);
        slowdown = slowdown.clone();
        if (!(h2dGBps > 0) || !(d2hGBps > 0)) throw new IllegalArgumentException("bandwidths must be > 0");
        if (slowdown.length == 0) throw new IllegalArgumentException("empty slowdown curve");
    }

    /** The combined curve from per-kind curves: geometric mean at each k, then ≥ 1 and non-decreasing. */
    public static double[] combine(Map<KernelKind, double[]> byKind) {
        int n = Integer.MAX_VALUE;
        for (double[] c : byKind.values()) n = Math.min(n, c.length);
        if (byKind.isEmpty() || n == 0) throw new IllegalArgumentException("no slowdown measured");
        double[] out = new double[n];
        double prev = 1;
        for (int k = 0; k < n; k++) {
            double logSum = 0;
            for (double[] c : byKind.values()) logSum += Math.log(Math.max(c[k], 1e-9));
            double v = k == 0 ? 1 : Math.max(prev, Math.exp(logSum / byKind.size()));
            out[k] = Math.max(1, v);
            prev = out[k];
        }
        return out;
    }

    /** Harmonic mean of the two directions: the average rate of a swap out and back in. */
    public double linkGBps() {
        return 2 / (1 / h2dGBps + 1 / d2hGBps);
    }
}
