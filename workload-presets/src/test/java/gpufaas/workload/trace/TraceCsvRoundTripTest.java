package gpufaas.workload.trace;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.engine.model.FunctionSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/** Randomised round trips with fixed seeds (one per repetition), so a failure is reproducible. */
class TraceCsvRoundTripTest {
    private static final List<FunctionSpec> FNS = List.of(
            FunctionSpec.gpu(0, "f0", 1, 2, 3), FunctionSpec.gpu(1, "f1", 1, 2, 3), FunctionSpec.gpu(2, "f2", 1, 2, 3));

    @RepeatedTest(100)
    void writeThenRead_randomSortedMicrosecondTimes_roundTripExactly(RepetitionInfo rep) {
        SplittableRandom r = new SplittableRandom(rep.getCurrentRepetition());
        long[] times = new long[r.nextInt(60)];
        for (int i = 0; i < times.length; i++) {
            times[i] = switch (r.nextInt(3)) {
                case 0 -> r.nextLong(1000);
                case 1 -> r.nextLong(100_000_000_000L);
                default -> r.nextLong(1_000_000) * 1000;
            };
        }
        Arrays.sort(times);
        int[] fns = new int[times.length];
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TraceCsvWriter w = new TraceCsvWriter(bytes, FNS)) {
            for (int i = 0; i < times.length; i++) {
                fns[i] = r.nextInt(3);
                w.write(times[i], fns[i]);
            }
        }
        TraceCsvReader in =
                new TraceCsvReader(new ByteArrayInputStream(bytes.toByteArray()), "mem", TraceCsvReader.idsOf(FNS));
        for (int i = 0; i < times.length; i++) {
            assertThat(in.advance()).isTrue();
            assertThat(in.timeUs()).isEqualTo(times[i]);
            assertThat(in.function()).isEqualTo(fns[i]);
        }
        assertThat(in.advance()).isFalse();
    }
}
