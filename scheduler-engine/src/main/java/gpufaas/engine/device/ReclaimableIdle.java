package gpufaas.engine.device;

import java.util.Arrays;

/**
 * The idle containers of one GPU (in its LRU) whose memory is on the GPU and non-empty: the ones a
 * swap-out can reclaim, oldest first, without stepping over the idle containers whose memory is
 * already on the host. A min-heap of (LRU position, container) entries with lazy deletion: a
 * container that stops being reclaimable keeps its entry, which is dropped when it reaches the top
 * (or when the heap is compacted), so a change costs no sift and touches no other container. An
 * entry is live when its container is reclaimable ({@link Container#reclaimable}) and still at that
 * LRU position; {@link Container#heapSeq} is the LRU position of its entry in the heap, if any.
 */
final class ReclaimableIdle {
    private Container[] heap = new Container[8];
    /** heap[i]'s LRU position when it was added, kept alongside so that sifting compares without touching the containers */
    private long[] seqs = new long[8];

    private int size;
    /** reclaimable idle containers: the live entries of the heap */
    private int count;

    /** Number of reclaimable idle containers. */
    int count() {
        return count;
    }

    /** The least recently used reclaimable idle container, or null. */
    Container oldest() {
        while (size > 0) {
            Container c = heap[0];
            long seq = seqs[0];
            if (c.reclaimable && c.lruSeq == seq) return c;
            if (c.heapSeq == seq) c.heapSeq = -1;
            removeHeapTop();
        }
        return null;
    }

    /** Records whether {@code c} is now reclaimable (after an LRU or location change). */
    void update(Container c, boolean in) {
        if (in == c.reclaimable) return;
        c.reclaimable = in;
        if (!in) {
            count--;
            return;
        }
        count++;
        if (c.heapSeq == c.lruSeq) return; // its entry at this LRU position is still in the heap
        if (size == heap.length) {
            if (size > 2 * count + 32) {
                compact();
            } else {
                heap = Arrays.copyOf(heap, size * 2);
                seqs = Arrays.copyOf(seqs, size * 2);
            }
        }
        c.heapSeq = c.lruSeq;
        heapUp(size++, c, c.lruSeq);
    }

    /** Drops every dead entry and restores the heap order (amortized over the additions that made them). */
    private void compact() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            Container c = heap[i];
            long seq = seqs[i];
            if (c.reclaimable && c.lruSeq == seq) {
                heap[n] = c;
                seqs[n++] = seq;
            } else if (c.heapSeq == seq) {
                c.heapSeq = -1;
            }
        }
        Arrays.fill(heap, n, size, null);
        size = n;
        for (int i = (n >>> 1) - 1; i >= 0; i--) heapDown(i, heap[i], seqs[i]);
    }

    private void removeHeapTop() {
        int last = --size;
        Container c = heap[last];
        long seq = seqs[last];
        heap[last] = null;
        if (last > 0) heapDown(0, c, seq);
    }

    /** Places entry (seq, c) at hole {@code i} or above. */
    private void heapUp(int i, Container c, long seq) {
        final Container[] h = heap;
        final long[] hs = seqs;
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (hs[p] <= seq) break;
            h[i] = h[p];
            hs[i] = hs[p];
            i = p;
        }
        h[i] = c;
        hs[i] = seq;
    }

    /** Places entry (seq, c) at hole {@code i} or below. */
    private void heapDown(int i, Container c, long seq) {
        final Container[] h = heap;
        final long[] hs = seqs;
        int n = size;
        while (true) {
            int m = 2 * i + 1;
            if (m >= n) break;
            if (m + 1 < n && hs[m + 1] < hs[m]) m++;
            if (hs[m] >= seq) break;
            h[i] = h[m];
            hs[i] = hs[m];
            i = m;
        }
        h[i] = c;
        hs[i] = seq;
    }
}
