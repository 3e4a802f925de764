package gpufaas.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.HdrHistogram.IntCountsHistogram;
import org.junit.jupiter.api.Test;

/**
 * The recorder's bucket counts are an IntCountsHistogram(2)'s: the same index for every value, and
 * the same quantiles as the histogram the samples are recorded into, for samples spanning zero to
 * days.
 */
class LatencyRecorderTest {
    private static final double[] QS = {0.0001, 0.25, 0.5, 0.9, 0.99, 0.999, 1.0};

    @Test
    void index_isHdrHistogramsIndex_andValueAtIsTheLowestValueCountedThere() {
        IntCountsHistogram h = new IntCountsHistogram(2);
        SplittableRandom r = new SplittableRandom(3);
        for (int k = 0; k < 200_000; k++) {
            long v = k < 5000 ? k : (long) Math.exp(r.nextDouble() * 35);
            int i = LatencyRecorder.index(v);
            long low = LatencyRecorder.valueAt(i);
            assertThat(low).as("value %d", v).isEqualTo(h.lowestEquivalentValue(v));
            assertThat(LatencyRecorder.index(low)).isEqualTo(i);
            assertThat(LatencyRecorder.index(h.highestEquivalentValue(v))).isEqualTo(i);
            if (i > 0) assertThat(LatencyRecorder.index(low - 1)).isEqualTo(i - 1);
        }
    }

    @Test
    void quantiles_equalThoseOfAnIntCountsHistogramOfTheSameSamples() {
        for (long seed = 1; seed <= 6; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            LatencyRecorder rec = new LatencyRecorder();
            IntCountsHistogram h = new IntCountsHistogram(2);
            int n = 257 + r.nextInt(50_000);
            for (int k = 0; k < n; k++) {
                long v = switch (r.nextInt(4)) {
                    case 0 -> r.nextLong(300); // exact range of the first bucket
                    case 1 -> 15_000 + r.nextLong(3_000_000); // milliseconds to seconds
                    case 2 -> (long) Math.exp(r.nextDouble() * 32); // up to days
                    default -> 0;
                };
                rec.record(v);
                h.recordValue(v);
            }
            assertThat(rec.count()).isEqualTo(h.getTotalCount()).isEqualTo(n);
            for (double q : QS) {
                assertThat(rec.quantileUs(q)).as("seed %d, q %s", seed, q).isEqualTo((double)
                        h.getValueAtPercentile(q * 100));
            }
        }
    }

    @Test
    void fewSamples_areExact_nearestRank() {
        LatencyRecorder rec = new LatencyRecorder();
        for (long v : new long[] {30, 10, 20, 40}) rec.record(v);
        assertThat(rec.quantileUs(0.5)).isEqualTo(20);
        assertThat(rec.quantileUs(0.99)).isEqualTo(40);
        assertThat(rec.count()).isEqualTo(4);
        assertThat(new LatencyRecorder().quantileUs(0.5)).isNaN();
    }

    @Test
    void negativeLatencies_countAsZero() {
        LatencyRecorder rec = new LatencyRecorder();
        for (int k = 0; k < 300; k++) rec.record(k % 2 == 0 ? -5 : 0);
        assertThat(rec.quantileUs(1.0)).isZero();
    }
}
