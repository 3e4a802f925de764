package gpufaas.workload.azure;

import gpufaas.engine.model.ArrivalSource;
import gpufaas.engine.time.SeededStreams;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Arrivals from per-minute counts, made one minute at a time: the minute's invocations of every
 * function are placed by the {@link Spreading}, sorted (time, then function id) and replayed, so
 * memory holds one minute, never the whole window.
 */
final class Azure2019Arrivals implements ArrivalSource {
    private final int[][] counts;
    private final Spreading spreading;
    private final SplittableRandom random;
    private long[] batch = new long[0];
    private int batchSize;
    private int batchNext;
    private int minute;
    private long current;

    /** @param counts counts[f][m]: invocations of function f in minute m of the window */
    Azure2019Arrivals(int[][] counts, Spreading spreading, long seed) {
        this.counts = counts;
        this.spreading = spreading;
        this.random = new SeededStreams(seed).stream("azure2019/spreading");
    }

    @Override
    public boolean advance() {
        while (batchNext >= batchSize) {
            if (!fillMinute()) return false;
        }
        current = batch[batchNext++];
        return true;
    }

    private boolean fillMinute() {
        int minutes = counts.length == 0 ? 0 : counts[0].length;
        if (minute >= minutes) return false;
        long base = minute * 60_000_000L;
        int total = 0;
        for (int[] c : counts) total += c[minute];
        if (batch.length < total) batch = new long[Math.max(total, batch.length * 2)];
        int n = 0;
        for (int f = 0; f < counts.length; f++) {
            int k = counts[f][minute];
            for (int i = 0; i < k; i++) {
                long off = spreading == Spreading.UNIFORM_RANDOM
                        ? (long) (random.nextDouble() * 60e6)
                        : spreading.offsetUs(i, k);
                batch[n++] = PackedArrivals.pack(base + off, f);
            }
        }
        Arrays.sort(batch, 0, n);
        batchSize = n;
        batchNext = 0;
        minute++;
        return true;
    }

    @Override
    public long timeUs() {
        return current >>> PackedArrivals.SHIFT;
    }

    @Override
    public int function() {
        return (int) (current & PackedArrivals.MASK);
    }

    @Override
    public String describe() {
        return "Azure 2019 per-minute counts";
    }
}
