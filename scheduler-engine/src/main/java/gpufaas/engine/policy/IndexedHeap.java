package gpufaas.engine.policy;

import java.util.Arrays;

/**
 * A binary min-heap of small integer ids (flows) with O(log n) insert, remove and re-key of any
 * member, ordered by a comparator over ids that reads the callers' own arrays.
 */
public final class IndexedHeap {

    /** Orders ids; must be a strict weak order that is consistent while an id is in the heap. */
    @FunctionalInterface
    public interface IdOrder {
        boolean less(int a, int b);
    }

    private final IdOrder order;
    private int[] heap = new int[16];
    private int[] pos = new int[16];
    private int size;

    public IndexedHeap(IdOrder order) {
        this.order = order;
        Arrays.fill(pos, -1);
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public boolean contains(int id) {
        return id < pos.length && pos[id] >= 0;
    }

    public int peek() {
        return size == 0 ? -1 : heap[0];
    }

    /** The i-th element in heap order (0 = top); for bounded scans. */
    public int at(int i) {
        return heap[i];
    }

    public void add(int id) {
        if (contains(id)) throw new IllegalStateException("id " + id + " already in heap");
        if (id >= pos.length) {
            int old = pos.length;
            pos = Arrays.copyOf(pos, Math.max(id + 1, old * 2));
            Arrays.fill(pos, old, pos.length, -1);
        }
        if (size == heap.length) heap = Arrays.copyOf(heap, size * 2);
        heap[size] = id;
        pos[id] = size;
        siftUp(size++);
    }

    public int poll() {
        int top = heap[0];
        remove(top);
        return top;
    }

    public void remove(int id) {
        if (id >= pos.length) return;
        int i = pos[id];
        if (i < 0) return;
        int last = --size;
        pos[id] = -1;
        if (i == last) return;
        int moved = heap[last];
        heap[i] = moved;
        pos[moved] = i;
        siftDown(i);
        if (heap[i] == moved) siftUp(i);
    }

    /** Restores order after {@code id}'s key changed. */
    public void update(int id) {
        if (id >= pos.length) return;
        int i = pos[id];
        if (i < 0) return;
        siftUp(i);
        siftDown(pos[id]);
    }

    private void siftUp(int i) {
        int id = heap[i];
        while (i > 0) {
            int p = (i - 1) >>> 1;
            int pid = heap[p];
            if (!order.less(id, pid)) break;
            heap[i] = pid;
            pos[pid] = i;
            i = p;
        }
        heap[i] = id;
        pos[id] = i;
    }

    private void siftDown(int i) {
        int id = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int c = 2 * i + 1;
            int r = c + 1;
            if (r < size && order.less(heap[r], heap[c])) c = r;
            if (!order.less(heap[c], id)) break;
            heap[i] = heap[c];
            pos[heap[i]] = i;
            i = c;
        }
        heap[i] = id;
        pos[id] = i;
    }
}
