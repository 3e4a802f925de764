package gpufaas.workload.gen;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Exactly {@code count} arrivals within {@code spanS}, with the burst structure of an Azure
 * Functions 2019 function (see {@link ArrivalProcess.AzureMinutes}). The arrival times are drawn
 * when the clock is made: a day of per-minute invocation counts (negative binomial: Poisson with a
 * gamma-distributed rate of mean {@code perMinute} and shape {@code dispersion}); its inter-arrival
 * times, each minute compressed to one second and a minute's invocations spread evenly in it (the
 * construction of the dissertation's trace generator); {@code count + 1} gaps drawn from those with
 * replacement; and the times scaled so that the {@code count} arrivals fill the span.
 */
final class MinuteCountsClock implements ArrivalClock {
    private static final int MINUTES = 1440;
    private final double[] times;
    private int next;

    MinuteCountsClock(int count, double spanS, double dispersion, double perMinute, SplittableRandom random) {
        double[] iats = iats(dispersion, perMinute, random);
        double[] cum = new double[count + 1];
        double t = 0;
        for (int i = 0; i <= count; i++) {
            t += iats.length == 0 ? PoissonClock.exp(random, 1) : iats[random.nextInt(iats.length)];
            cum[i] = t;
        }
        times = new double[count];
        double scale = t > 0 ? spanS / t : 0;
        for (int i = 0; i < count; i++) times[i] = cum[i] * scale;
    }

    @Override
    public double nextS() {
        return next < times.length ? times[next++] : Double.POSITIVE_INFINITY;
    }

    /** The inter-arrival times (s) of one synthetic day of per-minute counts, a minute compressed to a second. */
    static double[] iats(double dispersion, double perMinute, SplittableRandom random) {
        double[] out = new double[64];
        int n = 0;
        double last = -1;
        for (int m = 0; m < MINUTES; m++) {
            int c = poisson(random, perMinute * gamma(random, dispersion) / dispersion);
            if (c == 0) continue;
            if (last < 0) last = m;
            for (int i = 0; i < c; i++) {
                double at = m + (double) i / c;
                if (at > last) {
                    if (n == out.length) out = Arrays.copyOf(out, n * 2);
                    out[n++] = at - last;
                    last = at;
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** A gamma variate of shape {@code k} and scale 1 (Marsaglia and Tsang; boosted below shape 1). */
    static double gamma(SplittableRandom r, double k) {
        if (k < 1) return gamma(r, k + 1) * Math.pow(r.nextDouble(), 1 / k);
        double d = k - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = normal(r);
            double v = 1 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = r.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
        }
    }

    /** A Poisson variate of mean {@code lambda}: multiplication below 30, a rounded normal above. */
    static int poisson(SplittableRandom r, double lambda) {
        if (lambda <= 0) return 0;
        if (lambda < 30) {
            double limit = Math.exp(-lambda);
            double p = r.nextDouble();
            int k = 0;
            while (p > limit) {
                p *= r.nextDouble();
                k++;
            }
            return k;
        }
        return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(r)));
    }

    private static double normal(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
