package gpufaas.engine.time;

import java.util.Arrays;

/**
 * Virtual time: a binary heap of actions keyed by (time, sequence) held in parallel arrays, so
 * scheduling allocates nothing but the action itself. Time never goes backwards. The actions are
 * kept in an {@code Object[]}: storing the many classes of actions into a {@code Scheduled[]} made
 * the JIT speculate on the array store's type check and throw the compiled event loop away each time
 * a new class of action appeared (about twenty times in a run's first seconds).
 */
public final class VirtualTimeSource implements TimeSource {
    private long now;
    private long seq;
    private long[] times = new long[64];
    private long[] seqs = new long[64];
    private Object[] actions = new Object[64];
    private int size;

    @Override
    public long nowUs() {
        return now;
    }

    @Override
    public void schedule(long atUs, Scheduled action) {
        long t = Math.max(atUs, now);
        if (size == times.length) grow();
        int i = size++;
        long s = seq++;
        // sift up
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (less(times[p], seqs[p], t, s)) break;
            times[i] = times[p];
            seqs[i] = seqs[p];
            actions[i] = actions[p];
            i = p;
        }
        times[i] = t;
        seqs[i] = s;
        actions[i] = action;
    }

    private static boolean less(long t1, long s1, long t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }

    private void grow() {
        int n = times.length * 2;
        times = Arrays.copyOf(times, n);
        seqs = Arrays.copyOf(seqs, n);
        actions = Arrays.copyOf(actions, n);
    }

    @Override
    public boolean runNext(long untilUs) {
        if (size == 0 || times[0] > untilUs) {
            if (untilUs != Long.MAX_VALUE && untilUs > now) now = untilUs;
            return false;
        }
        long t = times[0];
        Scheduled a = (Scheduled) actions[0];
        removeTop();
        now = t;
        a.fire(t);
        return true;
    }

    private void removeTop() {
        int last = --size;
        long t = times[last];
        long s = seqs[last];
        Object a = actions[last];
        actions[last] = null;
        if (last == 0) return;
        int i = 0;
        int half = last >>> 1;
        while (i < half) {
            int c = 2 * i + 1;
            int r = c + 1;
            if (r < last && less(times[r], seqs[r], times[c], seqs[c])) c = r;
            if (!less(times[c], seqs[c], t, s)) break;
            times[i] = times[c];
            seqs[i] = seqs[c];
            actions[i] = actions[c];
            i = c;
        }
        times[i] = t;
        seqs[i] = s;
        actions[i] = a;
    }

    @Override
    public long peekNextUs() {
        return size == 0 ? Long.MAX_VALUE : times[0];
    }

    @Override
    public int pending() {
        return size;
    }
}
