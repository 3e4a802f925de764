package gpufaas.engine.device;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One device's live containers by function id: an open-addressing table (linear probing) sized to
 * the device's own functions, so that a look-up touches a few hundred bytes however many functions
 * the workload has (a list indexed by function id over 50,000 functions took 200 KB per device, and
 * every look-up missed the cache). Each function's list keeps its containers in the order they were
 * added; a function whose last container goes is dropped from the table.
 */
final class ContainersByFunction {
    private static final int FREE = -1;
    private int[] keys = new int[16];
    private List<Container>[] values = newValues(16);
    private int size;

    ContainersByFunction() {
        Arrays.fill(keys, FREE);
    }

    /** The containers of {@code fn}, in the order they were added; empty when none (read-only). */
    List<Container> get(int fn) {
        int mask = keys.length - 1;
        for (int i = slot(fn, mask); ; i = (i + 1) & mask) {
            int k = keys[i];
            if (k == fn) return values[i];
            if (k == FREE) return List.of();
        }
    }

    void add(Container c) {
        int fn = c.function.id();
        int mask = keys.length - 1;
        int i = slot(fn, mask);
        while (keys[i] != FREE && keys[i] != fn) i = (i + 1) & mask;
        if (keys[i] == fn) {
            values[i].add(c);
            return;
        }
        List<Container> l = new ArrayList<>(2);
        l.add(c);
        keys[i] = fn;
        values[i] = l;
        if (++size * 2 > keys.length) rehash(keys.length * 2);
    }

    void remove(Container c) {
        int fn = c.function.id();
        int mask = keys.length - 1;
        int i = slot(fn, mask);
        while (keys[i] != fn) {
            if (keys[i] == FREE) return;
            i = (i + 1) & mask;
        }
        List<Container> l = values[i];
        l.remove(c);
        if (!l.isEmpty()) return;
        // backward-shift deletion: later entries of the same probe run move into the gap
        int gap = i;
        for (int j = (gap + 1) & mask; keys[j] != FREE; j = (j + 1) & mask) {
            int home = slot(keys[j], mask);
            if (((j - home) & mask) >= ((j - gap) & mask)) {
                keys[gap] = keys[j];
                values[gap] = values[j];
                gap = j;
            }
        }
        keys[gap] = FREE;
        values[gap] = null;
        size--;
    }

    private void rehash(int capacity) {
        int[] oldKeys = keys;
        List<Container>[] oldValues = values;
        keys = new int[capacity];
        Arrays.fill(keys, FREE);
        values = newValues(capacity);
        int mask = capacity - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] == FREE) continue;
            int i = slot(oldKeys[j], mask);
            while (keys[i] != FREE) i = (i + 1) & mask;
            keys[i] = oldKeys[j];
            values[i] = oldValues[j];
        }
    }

    private static int slot(int fn, int mask) {
        int h = fn * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    @SuppressWarnings("unchecked")
    private static List<Container>[] newValues(int n) {
        return (List<Container>[]) new List[n];
    }
}
