package gpufaas.engine.metrics;

import org.HdrHistogram.IntCountsHistogram;

import java.util.Arrays;

/**
 * Latencies of one function in microseconds: the exact samples while there are few (so a day with
 * 50,000 mostly rare functions stays small), then an HdrHistogram with 2 significant digits and
 * int counts (about 1 % relative error on a percentile, and a few tens of KB per popular function
 * even when an overloaded run's latencies span hours). The run-wide histogram keeps 3 digits.
 */
public final class LatencyRecorder {
    private static final int EXACT_LIMIT = 256;
    private long[] exact = new long[4];
    private int size;
    private IntCountsHistogram histogram;

    public void record(long us) {
        long v = Math.max(0, us);
        if (histogram != null) {
            histogram.recordValue(v);
            return;
        }
        if (size == exact.length) {
            if (size >= EXACT_LIMIT) {
                histogram = new IntCountsHistogram(2);
                for (int i = 0; i < size; i++) histogram.recordValue(exact[i]);
                histogram.recordValue(v);
                exact = null;
                return;
            }
            exact = Arrays.copyOf(exact, size * 2);
        }
        exact[size++] = v;
    }

    public long count() { return histogram != null ? histogram.getTotalCount() : size; }

    /** The q-quantile (0..1) in microseconds, nearest-rank on exact samples; NaN when empty. */
    public double quantileUs(double q) {
        if (histogram != null) return histogram.getValueAtPercentile(q * 100.0);
        if (size == 0) return Double.NaN;
        long[] s = Arrays.copyOf(exact, size);
        Arrays.sort(s);
        int rank = (int) Math.ceil(q * size);
        return s[Math.max(0, Math.min(size - 1, rank - 1))];
    }
}
