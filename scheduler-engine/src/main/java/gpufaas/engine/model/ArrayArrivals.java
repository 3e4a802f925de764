package gpufaas.engine.model;

import java.util.Arrays;

/** Arrivals held in arrays: small hand-written workloads, composed workloads and tests. */
public final class ArrayArrivals implements ArrivalSource {
    private final long[] times;
    private final int[] functions;
    private final long[] slos;
    private int i = -1;

    /** @param times arrival times in µs, non-decreasing; {@code functions[k]} is the function of arrival k */
    public ArrayArrivals(long[] times, int[] functions) {
        this(times, functions, null);
    }

    /** As above, with each arrival's own latency objective in µs (-1: its function's). */
    public ArrayArrivals(long[] times, int[] functions, long[] slos) {
        if (times.length != functions.length || (slos != null && slos.length != times.length)) {
            throw new IllegalArgumentException("times, functions and slos differ in length");
        }
        this.times = times.clone();
        this.functions = functions.clone();
        this.slos = slos == null ? null : slos.clone();
    }

    @Override
    public long sloUs() {
        return slos == null ? -1 : slos[i];
    }

    /** Arrivals from (time ms, function id) pairs given as a flat list: t0, f0, t1, f1, ... */
    public static ArrayArrivals ofMs(double... pairs) {
        int n = pairs.length / 2;
        long[] t = new long[n];
        int[] f = new int[n];
        for (int k = 0; k < n; k++) {
            t[k] = Math.round(pairs[2 * k] * 1000);
            f[k] = (int) pairs[2 * k + 1];
        }
        return new ArrayArrivals(t, f);
    }

    @Override
    public boolean advance() {
        return ++i < times.length;
    }

    @Override
    public long timeUs() {
        return times[i];
    }

    @Override
    public int function() {
        return functions[i];
    }

    public int size() {
        return times.length;
    }

    @Override
    public String describe() {
        return "arrival list";
    }

    @Override
    public String toString() {
        return "ArrayArrivals" + Arrays.toString(times);
    }
}
