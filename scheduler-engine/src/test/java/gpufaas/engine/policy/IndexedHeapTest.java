package gpufaas.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class IndexedHeapTest {

    @Test
    void randomOperations_agreeWithASortedSet() {
        double[] key = new double[300];
        IndexedHeap h = new IndexedHeap((a, b) -> key[a] < key[b] || (key[a] == key[b] && a < b));
        TreeSet<Integer> ref =
                new TreeSet<>((a, b) -> key[a] != key[b] ? Double.compare(key[a], key[b]) : Integer.compare(a, b));
        SplittableRandom r = new SplittableRandom(11);
        for (int step = 0; step < 20000; step++) {
            int id = r.nextInt(300);
            switch (r.nextInt(4)) {
                case 0 -> {
                    if (!h.contains(id)) {
                        key[id] = r.nextInt(50);
                        h.add(id);
                        ref.add(id);
                    }
                }
                case 1 -> {
                    h.remove(id);
                    ref.remove(id);
                }
                case 2 -> {
                    if (h.contains(id)) {
                        ref.remove(id);
                        key[id] = r.nextInt(50);
                        h.update(id);
                        ref.add(id);
                    }
                }
                default -> {
                    if (!ref.isEmpty()) {
                        assertThat(h.poll()).isEqualTo(ref.pollFirst());
                    }
                }
            }
            assertThat(h.size()).isEqualTo(ref.size());
            assertThat(h.peek()).isEqualTo(ref.isEmpty() ? -1 : ref.first());
        }
    }
}
