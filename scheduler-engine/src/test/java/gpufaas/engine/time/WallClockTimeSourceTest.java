package gpufaas.engine.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class WallClockTimeSourceTest {

    @Test
    void post_fromAnotherThread_wakesTheEngineThreadBeforeItsDeadline() throws Exception {
        WallClockTimeSource ts = new WallClockTimeSource();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Thread backend = new Thread(() -> ts.post(t -> seen.add("completion")));
        backend.start();
        // wait at most 10 s of wall time for the posted action; it must come long before
        boolean ran = ts.runNext(ts.nowUs() + 10_000_000);
        backend.join();
        assertThat(ran).isTrue();
        assertThat(seen).containsExactly("completion");
        assertThat(ts.nowUs()).isLessThan(10_000_000);
    }

    @Test
    void runNext_ordersDueActionsByTimeThenSequence() {
        long[] clock = {0};
        WallClockTimeSource ts = new WallClockTimeSource(() -> clock[0]);
        List<String> order = new ArrayList<>();
        ts.schedule(2, t -> order.add("late"));
        ts.schedule(1, t -> order.add("early"));
        ts.schedule(1, t -> order.add("early2"));
        clock[0] = 5_000; // 5 µs have passed: all three are due
        while (ts.runNext(Long.MAX_VALUE)) {}
        assertThat(order).containsExactly("early", "early2", "late");
    }

    @Test
    void runNext_limitAlreadyPassedAndNothingDue_returnsFalse() {
        long[] clock = {1_000_000};
        WallClockTimeSource ts = new WallClockTimeSource(() -> clock[0]);
        ts.schedule(5_000, t -> {});
        clock[0] = 2_000_000; // 1000 µs after the origin
        assertThat(ts.runNext(500)).isFalse();
        assertThat(ts.pending()).isEqualTo(1);
    }
}
