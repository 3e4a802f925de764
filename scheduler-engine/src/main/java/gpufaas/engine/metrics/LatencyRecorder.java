package gpufaas.engine.metrics;

import java.util.Arrays;
import org.HdrHistogram.IntCountsHistogram;

/**
 * Latencies of one function in microseconds: the exact samples while there are few (so a day with
 * 50,000 mostly rare functions stays small), then counts in the buckets of an HdrHistogram with 2
 * significant digits ({@code IntCountsHistogram(2)}: about 1 % relative error on a percentile, and
 * a few tens of KB per popular function even when an overloaded run's latencies span hours). The
 * counts are kept here, in an int array indexed as HdrHistogram indexes its own, so that recording
 * touches one array; a quantile is read from an {@code IntCountsHistogram(2)} filled with them,
 * which holds exactly what recording the samples into it would have. The run-wide histogram keeps
 * 3 digits.
 */
public final class LatencyRecorder {
    private static final int EXACT_LIMIT = 256;
    // IntCountsHistogram(2)'s layout: lowest discernible value 1, 2 significant digits, so 256 sub-buckets
    // (the power of two above 2 * 10^2) of which each bucket after the first uses the upper half
    private static final int SUB_BUCKET_HALF_COUNT_MAGNITUDE = 7;
    private static final int SUB_BUCKET_HALF_COUNT = 1 << SUB_BUCKET_HALF_COUNT_MAGNITUDE;
    private static final long SUB_BUCKET_MASK = 2L * SUB_BUCKET_HALF_COUNT - 1;
    private static final int LEADING_ZERO_COUNT_BASE = 64 - SUB_BUCKET_HALF_COUNT_MAGNITUDE - 1;

    private long[] exact = new long[4];
    private int size;
    /** bucket counts (HdrHistogram's index) once there were more than EXACT_LIMIT samples, else null */
    private int[] counts;

    private long total;
    /** the histogram of the counts, built for the quantiles asked since the last sample */
    private IntCountsHistogram view;

    public void record(long us) {
        long v = Math.max(0, us);
        if (counts != null) {
            count(v);
            return;
        }
        if (size == exact.length) {
            if (size >= EXACT_LIMIT) {
                counts = new int[index(maxOf(exact, size, v)) + 1];
                for (int i = 0; i < size; i++) count(exact[i]);
                count(v);
                exact = null;
                return;
            }
            exact = Arrays.copyOf(exact, size * 2);
        }
        exact[size++] = v;
    }

    private void count(long v) {
        view = null;
        int i = index(v);
        if (i >= counts.length) counts = Arrays.copyOf(counts, Math.max(i + 1, counts.length + (counts.length >> 1)));
        if (counts[i] == Integer.MAX_VALUE) throw new IllegalStateException("latency count would overflow an int");
        counts[i]++;
        total++;
    }

    private static long maxOf(long[] a, int n, long v) {
        long m = v;
        for (int i = 0; i < n; i++) m = Math.max(m, a[i]);
        return m;
    }

    /** HdrHistogram's counts index of {@code v} ≥ 0 in an {@code IntCountsHistogram(2)}. */
    static int index(long v) {
        int bucket = LEADING_ZERO_COUNT_BASE - Long.numberOfLeadingZeros(v | SUB_BUCKET_MASK);
        int sub = (int) (v >>> bucket);
        return ((bucket + 1) << SUB_BUCKET_HALF_COUNT_MAGNITUDE) + sub - SUB_BUCKET_HALF_COUNT;
    }

    /** The lowest value HdrHistogram counts at {@code index} (recording it counts at that index). */
    static long valueAt(int index) {
        int bucket = (index >> SUB_BUCKET_HALF_COUNT_MAGNITUDE) - 1;
        int sub = (index & (SUB_BUCKET_HALF_COUNT - 1)) + SUB_BUCKET_HALF_COUNT;
        if (bucket < 0) {
            sub -= SUB_BUCKET_HALF_COUNT;
            bucket = 0;
        }
        return (long) sub << bucket;
    }

    public long count() {
        return counts != null ? total : size;
    }

    /** The q-quantile (0..1) in microseconds, nearest-rank on exact samples; NaN when empty. */
    public double quantileUs(double q) {
        if (counts != null) return histogram().getValueAtPercentile(q * 100.0);
        if (size == 0) return Double.NaN;
        long[] s = Arrays.copyOf(exact, size);
        Arrays.sort(s);
        int rank = (int) Math.ceil(q * size);
        return s[Math.max(0, Math.min(size - 1, rank - 1))];
    }

    /** An IntCountsHistogram(2) holding the counts, as if every sample had been recorded into it. */
    IntCountsHistogram histogram() {
        if (view != null) return view;
        IntCountsHistogram h = new IntCountsHistogram(2);
        for (int i = 0; i < counts.length; i++) if (counts[i] > 0) h.recordValueWithCount(valueAt(i), counts[i]);
        return view = h;
    }
}
