package gpufaas.views.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyAggregatorTest {

    @Test
    void rollingMean_isOverTheLastTenBuckets() {
        LatencyAggregator a = new LatencyAggregator(List.of("f"));
        // one completion per second: latency (i+1) * 100 ms, ending at i + 0.5 s
        for (int i = 0; i < 20; i++) a.record(i * 1_000_000L + 500_000, (i + 1) * 100_000L, 0);
        LatencyCurves c = a.curves("run");
        assertThat(c.timeS()).hasSize(20);
        assertThat(c.timeS()[0]).isEqualTo(1.0);
        assertThat(c.meanMs()[0]).isEqualTo(100.0);
        // bucket 19 covers completions 10..19: latencies 1100..2000 ms, mean 1550
        assertThat(c.meanMs()[19]).isCloseTo(1550.0, within(1e-6));
        assertThat(c.p99Ms()[19]).isCloseTo(2000.0, within(20.0));
        assertThat(c.windowS()).isEqualTo(10.0);
    }

    @Test
    void cdf_isMonotoneFromTheSmallestToTheLargest() {
        LatencyAggregator a = new LatencyAggregator(List.of("f", "g"));
        for (int i = 1; i <= 1000; i++) a.record(i * 1000L, i * 1000L, i % 2);
        LatencyCurves c = a.curves("run");
        for (int i = 1; i < c.cdfMs().length; i++) {
            assertThat(c.cdfMs()[i]).isGreaterThanOrEqualTo(c.cdfMs()[i - 1]);
            assertThat(c.cdfShare()[i]).isGreaterThanOrEqualTo(c.cdfShare()[i - 1]);
        }
        assertThat(c.cdfShare()[c.cdfShare().length - 1]).isEqualTo(1.0);
        assertThat(c.cdfMs()[c.cdfMs().length - 1]).isCloseTo(1000.0, within(10.0));
        assertThat(c.functions())
                .extracting(LatencyCurves.FunctionLatency::completed)
                .containsExactly(500L, 500L);
        assertThat(c.functions().get(1).meanMs()).isCloseTo(500.0, within(1e-9));
    }

    @Test
    void longRuns_mergeBucketsSoMemoryStaysBounded() {
        LatencyAggregator a = new LatencyAggregator(List.of("f"));
        for (long s = 0; s < 5000; s++) a.record(s * 1_000_000L, 1000, 0);
        assertThat(a.bucketUs()).isEqualTo(8_000_000L);
        LatencyCurves c = a.curves("run");
        assertThat(c.timeS().length).isLessThanOrEqualTo(LatencyAggregator.MAX_BUCKETS);
        assertThat(c.completed()).isEqualTo(5000);
        assertThat(c.meanMs()[c.meanMs().length - 1]).isEqualTo(1.0);
    }

    @Test
    void curves_cacheClosedBucketsAndStayCorrectAsTheLastOneGrows() {
        LatencyAggregator a = new LatencyAggregator(List.of("f"));
        a.record(500_000, 1000, 0);
        a.curves("x");
        a.record(600_000, 3000, 0);
        LatencyCurves c = a.curves("x");
        assertThat(c.meanMs()[0]).isEqualTo(2.0);
        a.record(1_500_000, 5000, 0);
        c = a.curves("x");
        assertThat(c.meanMs()).containsExactly(2.0, 3.0);
    }

    @Test
    void viewModel_keepsOverlaysWithUniqueLabels() {
        LatencyViewModel vm = new LatencyViewModel();
        assertThat(vm.keepCurrent()).isFalse();
        LatencyAggregator a = new LatencyAggregator(List.of("f"));
        a.record(1, 1000, 0);
        vm.apply(a.curves("mqfq"));
        assertThat(vm.keepCurrent()).isTrue();
        assertThat(vm.keepCurrent()).isTrue();
        assertThat(vm.overlays()).extracting(LatencyCurves::label).containsExactly("mqfq #1", "mqfq #2");
        assertThat(vm.drawn()).hasSize(3);
        vm.clearOverlays();
        assertThat(vm.drawn()).hasSize(1);
    }
}
