package gpufaas.views.main;

import java.util.Arrays;

/**
 * Frame timing measured on the FX thread: the interval between consecutive frame-timer pulses and
 * the time spent applying each frame's snapshot, with percentiles and the count of stalls (an
 * interval above {@link #STALL_NANOS}). Plain Java; the responsiveness harness reads it.
 */
public final class FrameStats {
    public static final long STALL_NANOS = 50_000_000;

    private long[] intervals = new long[4096];
    private long[] applies = new long[4096];
    private int n;
    private int m;
    private long last = -1;
    private long stalls;
    private long maxInterval;

    /** A pulse at {@code nowNanos} that spent {@code applyNanos} applying the frame's update. */
    public void frame(long nowNanos, long applyNanos) {
        if (last >= 0) {
            long d = nowNanos - last;
            if (n == intervals.length) intervals = Arrays.copyOf(intervals, n * 2);
            intervals[n++] = d;
            if (d > STALL_NANOS) stalls++;
            maxInterval = Math.max(maxInterval, d);
        }
        last = nowNanos;
        if (m == applies.length) applies = Arrays.copyOf(applies, m * 2);
        applies[m++] = applyNanos;
    }

    public void reset() {
        n = 0;
        m = 0;
        last = -1;
        stalls = 0;
        maxInterval = 0;
    }

    public int frames() {
        return m;
    }

    public long stalls() {
        return stalls;
    }

    public long maxIntervalNanos() {
        return maxInterval;
    }

    /** The q-quantile (0..1) of frame intervals in ms (nearest rank); NaN without data. */
    public double intervalMs(double q) {
        return quantile(intervals, n, q);
    }

    /** The q-quantile (0..1) of snapshot-apply times in ms. */
    public double applyMs(double q) {
        return quantile(applies, m, q);
    }

    public double maxApplyMs() {
        return quantile(applies, m, 1);
    }

    private static double quantile(long[] a, int size, double q) {
        if (size == 0) return Double.NaN;
        long[] s = Arrays.copyOf(a, size);
        Arrays.sort(s);
        int rank = (int) Math.ceil(q * size);
        return s[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }
}
