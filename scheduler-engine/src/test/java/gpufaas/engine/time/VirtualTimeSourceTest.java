package gpufaas.engine.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VirtualTimeSourceTest {

    @Test
    void runNext_tiesAtOneInstant_runInSchedulingOrder() {
        VirtualTimeSource ts = new VirtualTimeSource();
        List<String> order = new ArrayList<>();
        ts.schedule(10, t -> order.add("a@" + t));
        ts.schedule(5, t -> order.add("b@" + t));
        ts.schedule(10, t -> order.add("c@" + t));
        ts.schedule(5, t -> order.add("d@" + t));
        while (ts.runNext(Long.MAX_VALUE)) {}
        assertThat(order).containsExactly("b@5", "d@5", "a@10", "c@10");
        assertThat(ts.nowUs()).isEqualTo(10);
    }

    @Test
    void runNext_nothingDueBeforeLimit_jumpsToLimitAndKeepsTheAction() {
        VirtualTimeSource ts = new VirtualTimeSource();
        ts.schedule(100, t -> {});
        assertThat(ts.runNext(40)).isFalse();
        assertThat(ts.nowUs()).isEqualTo(40);
        assertThat(ts.pending()).isEqualTo(1);
        assertThat(ts.runNext(100)).isTrue();
        assertThat(ts.nowUs()).isEqualTo(100);
    }

    @Test
    void schedule_inThePast_runsNowNotBackwards() {
        VirtualTimeSource ts = new VirtualTimeSource();
        ts.runNext(50);
        List<Long> seen = new ArrayList<>();
        ts.schedule(10, seen::add);
        ts.runNext(Long.MAX_VALUE);
        assertThat(seen).containsExactly(50L);
    }

    @Test
    void runNext_emptyWithoutLimit_leavesTimeAlone() {
        VirtualTimeSource ts = new VirtualTimeSource();
        ts.runNext(7);
        assertThat(ts.runNext(Long.MAX_VALUE)).isFalse();
        assertThat(ts.nowUs()).isEqualTo(7);
    }

    @Test
    void manyRandomActions_comeOutSortedByTimeThenSequence() {
        VirtualTimeSource ts = new VirtualTimeSource();
        SplittableRandom r = new SplittableRandom(3);
        List<long[]> fired = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            long at = r.nextInt(500);
            long seq = i;
            ts.schedule(at, t -> fired.add(new long[] {t, seq}));
        }
        while (ts.runNext(Long.MAX_VALUE)) {}
        assertThat(fired).hasSize(5000);
        for (int i = 1; i < fired.size(); i++) {
            long[] a = fired.get(i - 1);
            long[] b = fired.get(i);
            assertThat(a[0] < b[0] || (a[0] == b[0] && a[1] < b[1]))
                    .as("order at %d", i)
                    .isTrue();
        }
    }
}
