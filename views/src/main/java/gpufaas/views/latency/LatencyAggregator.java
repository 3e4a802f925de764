package gpufaas.views.latency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Completed invocations' end-to-end latencies binned by completion time. Buckets start one
 * simulated second wide; when there are more than {@link #MAX_BUCKETS}, neighbours merge and the
 * width doubles, so memory stays bounded on runs of any length. The rolling series is computed
 * over {@link #WINDOW_BUCKETS} buckets. Also keeps one histogram of all latencies (for the CDF)
 * and one per function. Plain Java; not thread-safe (the engine thread owns it).
 */
public final class LatencyAggregator {
    static final int MAX_BUCKETS = 1200;
    static final int WINDOW_BUCKETS = 10;
    static final int CDF_POINTS = 200;
    private static final int DIGITS = 2;

    private final List<String> functionNames;
    private long bucketUs;
    private final List<Bucket> buckets = new ArrayList<>();
    private final Histogram all = new Histogram(DIGITS);
    private final Histogram[] perFn;
    private final long[] countFn;
    private final double[] sumFn;
    private long completed;
    private long version;
    /** rolling points per bucket, valid for buckets below {@link #finalPoints} */
    private double[] pointMean = new double[64];

    private double[] pointP99 = new double[64];
    private int finalPoints;

    public LatencyAggregator(List<String> functionNames) {
        this(functionNames, 1_000_000);
    }

    LatencyAggregator(List<String> functionNames, long bucketUs) {
        this.functionNames = List.copyOf(functionNames);
        this.bucketUs = bucketUs;
        int n = functionNames.size();
        perFn = new Histogram[n];
        countFn = new long[n];
        sumFn = new double[n];
    }

    private static final class Bucket {
        long count;
        double sumMs;
        Histogram hist;

        void add(long e2eUs) {
            count++;
            sumMs += e2eUs / 1000.0;
            if (hist == null) hist = new Histogram(DIGITS);
            hist.recordValue(e2eUs);
        }

        void merge(Bucket o) {
            count += o.count;
            sumMs += o.sumMs;
            if (o.hist != null) {
                if (hist == null) hist = new Histogram(DIGITS);
                hist.add(o.hist);
            }
        }
    }

    /** A completed invocation of function {@code fn} ended at {@code endUs} after {@code e2eUs}. */
    public void record(long endUs, long e2eUs, int fn) {
        long v = Math.max(1, e2eUs);
        int idx = (int) (Math.max(0, endUs) / bucketUs);
        while (idx >= MAX_BUCKETS) {
            coarsen();
            idx = (int) (Math.max(0, endUs) / bucketUs);
        }
        while (buckets.size() <= idx) buckets.add(new Bucket());
        buckets.get(idx).add(v);
        all.recordValue(v);
        if (fn >= 0 && fn < perFn.length) {
            if (perFn[fn] == null) perFn[fn] = new Histogram(DIGITS);
            perFn[fn].recordValue(v);
            countFn[fn]++;
            sumFn[fn] += v / 1000.0;
        }
        completed++;
        version++;
    }

    private void coarsen() {
        List<Bucket> merged = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i += 2) {
            Bucket b = buckets.get(i);
            if (i + 1 < buckets.size()) b.merge(buckets.get(i + 1));
            merged.add(b);
        }
        buckets.clear();
        buckets.addAll(merged);
        bucketUs *= 2;
        finalPoints = 0;
    }

    public long completed() {
        return completed;
    }

    /** Changes with every record; lets the caller skip building curves when nothing changed. */
    public long version() {
        return version;
    }

    public long bucketUs() {
        return bucketUs;
    }

    /** Immutable curves of everything recorded so far. */
    public LatencyCurves curves(String label) {
        int n = buckets.size();
        // completions arrive in time order, so every bucket before the last is final: its point is cached
        if (pointMean.length < n) {
            pointMean = Arrays.copyOf(pointMean, Math.max(n, pointMean.length * 2));
            pointP99 = Arrays.copyOf(pointP99, pointMean.length);
        }
        Histogram window = new Histogram(DIGITS);
        for (int i = finalPoints; i < n; i++) {
            long wCount = 0;
            double wSum = 0;
            window.reset();
            for (int j = Math.max(0, i - WINDOW_BUCKETS + 1); j <= i; j++) {
                Bucket b = buckets.get(j);
                wCount += b.count;
                wSum += b.sumMs;
                if (b.hist != null) window.add(b.hist);
            }
            pointMean[i] = wCount == 0 ? Double.NaN : wSum / wCount;
            pointP99[i] = wCount == 0 ? Double.NaN : window.getValueAtPercentile(99) / 1000.0;
        }
        finalPoints = Math.max(finalPoints, n - 1);
        double[] t = new double[n];
        double[] mean = new double[n];
        double[] p99 = new double[n];
        int points = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(pointMean[i])) continue;
            t[points] = (i + 1) * (bucketUs / 1e6);
            mean[points] = pointMean[i];
            p99[points] = pointP99[i];
            points++;
        }
        double[][] cdf = cdf(all);
        List<LatencyCurves.FunctionLatency> fns = new ArrayList<>();
        for (int f = 0; f < perFn.length; f++) {
            if (countFn[f] == 0) continue;
            fns.add(new LatencyCurves.FunctionLatency(
                    functionNames.get(f),
                    countFn[f],
                    sumFn[f] / countFn[f],
                    perFn[f].getValueAtPercentile(99) / 1000.0));
        }
        return new LatencyCurves(
                label,
                WINDOW_BUCKETS * bucketUs / 1e6,
                Arrays.copyOf(t, points),
                Arrays.copyOf(mean, points),
                Arrays.copyOf(p99, points),
                cdf[0],
                cdf[1],
                fns,
                completed);
    }

    /** {latency ms[], share[]} at evenly spaced quantiles plus the tail (99.5, 99.9, 100 %). */
    static double[][] cdf(Histogram h) {
        long total = h.getTotalCount();
        if (total == 0) return new double[][] {new double[0], new double[0]};
        double[] qs = new double[CDF_POINTS + 3];
        for (int i = 0; i <= CDF_POINTS; i++) qs[i] = (double) i / CDF_POINTS;
        qs[CDF_POINTS] = 0.995;
        qs[CDF_POINTS + 1] = 0.999;
        qs[CDF_POINTS + 2] = 1.0;
        Arrays.sort(qs);
        double[] ms = new double[qs.length];
        double[] share = new double[qs.length];
        for (int i = 0; i < qs.length; i++) {
            double q = Math.max(qs[i], 1.0 / total);
            ms[i] = h.getValueAtPercentile(q * 100) / 1000.0;
            share[i] = q;
        }
        return new double[][] {ms, share};
    }
}
