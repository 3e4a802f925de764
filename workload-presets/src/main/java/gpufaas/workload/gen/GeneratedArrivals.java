package gpufaas.workload.gen;

import gpufaas.engine.model.ArrivalSource;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.time.SeededStreams;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges one {@link ArrivalProcess} per function into a single time-ordered stream up to a
 * duration, with a binary heap over the functions' next arrival times (k-way merge). Memory is
 * O(functions): no arrival is stored. Ties at the same microsecond go in function-id order. Each
 * function draws from {@code new SeededStreams(seed).stream("arrivals/" + name)}, so adding or
 * removing a function never changes another function's arrivals.
 */
public final class GeneratedArrivals implements ArrivalSource {
    private final ArrivalClock[] clocks;
    private final long[] heapTime;
    private final int[] heapFn;
    private final long endUs;
    private int size;
    private long timeUs;
    private int function = -1;

    /**
     * @param names     function names; function id = position
     * @param processes one process per function, same order
     * @param durationS arrivals at or after this time are not generated
     */
    public GeneratedArrivals(List<String> names, List<ArrivalProcess> processes, long seed, double durationS) {
        if (names.size() != processes.size()) {
            throw new IllegalArgumentException(
                    names.size() + " functions but " + processes.size() + " arrival processes");
        }
        if (!(durationS >= 0) || Double.isInfinite(durationS))
            throw new IllegalArgumentException("bad duration " + durationS);
        SeededStreams streams = new SeededStreams(seed);
        int n = names.size();
        this.clocks = new ArrivalClock[n];
        this.heapTime = new long[n];
        this.heapFn = new int[n];
        this.endUs = Math.round(durationS * 1e6);
        for (int f = 0; f < n; f++) {
            clocks[f] = processes.get(f).clock(streams.stream("arrivals/" + names.get(f)));
            long t = draw(f);
            if (t < endUs) {
                heapTime[size] = t;
                heapFn[size++] = f;
            }
        }
        for (int i = size / 2 - 1; i >= 0; i--) siftDown(i, heapTime[i], heapFn[i]);
    }

    /** For {@code functions} (ids 0..n-1 in order) and their processes. */
    public static GeneratedArrivals of(
            List<FunctionSpec> functions, List<ArrivalProcess> processes, long seed, double durationS) {
        List<String> names = new ArrayList<>(functions.size());
        for (FunctionSpec f : functions) names.add(f.name());
        return new GeneratedArrivals(names, processes, seed, durationS);
    }

    @Override
    public boolean advance() {
        if (size == 0) return false;
        int f = heapFn[0];
        timeUs = heapTime[0];
        function = f;
        long t = draw(f);
        if (t < endUs) {
            siftDown(0, t, f);
        } else if (--size > 0) {
            siftDown(0, heapTime[size], heapFn[size]);
        }
        return true;
    }

    @Override
    public long timeUs() {
        return timeUs;
    }

    @Override
    public int function() {
        return function;
    }

    @Override
    public String describe() {
        return "generated arrivals (" + clocks.length + " functions)";
    }

    private long draw(int f) {
        double s = clocks[f].nextS();
        return s * 1e6 >= endUs ? endUs : Math.round(s * 1e6);
    }

    /** Places (t, f) at hole {@code i} or below; keys are (time, function id). */
    private void siftDown(int i, long t, int f) {
        final long[] ht = heapTime;
        final int[] hf = heapFn;
        final int n = size;
        while (true) {
            int c = 2 * i + 1;
            if (c >= n) break;
            int r = c + 1;
            if (r < n && (ht[r] < ht[c] || (ht[r] == ht[c] && hf[r] < hf[c]))) c = r;
            if (ht[c] > t || (ht[c] == t && hf[c] > f)) break;
            ht[i] = ht[c];
            hf[i] = hf[c];
            i = c;
        }
        ht[i] = t;
        hf[i] = f;
    }
}
