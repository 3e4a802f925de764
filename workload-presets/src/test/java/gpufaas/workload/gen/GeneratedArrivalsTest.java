package gpufaas.workload.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gpufaas.engine.model.FunctionSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratedArrivalsTest {

    private static List<long[]> drain(GeneratedArrivals a) {
        List<long[]> out = new ArrayList<>();
        while (a.advance()) out.add(new long[] {a.timeUs(), a.function()});
        return out;
    }

    private static GeneratedArrivals mixed(long seed, double durationS) {
        return new GeneratedArrivals(
                List.of("a", "b", "c"),
                List.of(
                        new ArrivalProcess.Poisson(3),
                        new ArrivalProcess.Bursty(1, 5, 2, 8),
                        new ArrivalProcess.Diurnal(2, 0.5, 60, 0)),
                seed,
                durationS);
    }

    @Test
    void advance_sameSeed_givesIdenticalSequence() {
        List<long[]> x = drain(mixed(7, 300));
        List<long[]> y = drain(mixed(7, 300));
        assertThat(x).hasSameSizeAs(y);
        for (int i = 0; i < x.size(); i++) assertThat(x.get(i)).containsExactly(y.get(i));
    }

    @Test
    void advance_otherSeed_givesOtherSequence() {
        assertThat(drain(mixed(7, 300)).get(0))
                .isNotEqualTo(drain(mixed(8, 300)).get(0));
    }

    @Test
    void advance_mixedProcesses_sortedAndInsideDuration() {
        List<long[]> x = drain(mixed(1, 500));
        assertThat(x).isNotEmpty();
        for (int i = 1; i < x.size(); i++) assertThat(x.get(i)[0]).isGreaterThanOrEqualTo(x.get(i - 1)[0]);
        assertThat(x.get(x.size() - 1)[0]).isLessThan(500_000_000L);
        long a = x.stream().filter(r -> r[1] == 0).count();
        assertThat(a / 500.0).isCloseTo(3.0, within(0.3));
    }

    @Test
    void advance_simultaneousArrivals_comeInFunctionIdOrder() {
        ArrivalProcess every = new ArrivalProcess.Empirical(List.of(1000.0));
        GeneratedArrivals g = new GeneratedArrivals(List.of("z", "y", "x"), List.of(every, every, every), 1, 3.5);
        List<long[]> x = drain(g);
        assertThat(x).extracting(r -> r[1]).containsExactly(0L, 1L, 2L, 0L, 1L, 2L, 0L, 1L, 2L);
        assertThat(x)
                .extracting(r -> r[0])
                .containsExactly(
                        1_000_000L,
                        1_000_000L,
                        1_000_000L,
                        2_000_000L,
                        2_000_000L,
                        2_000_000L,
                        3_000_000L,
                        3_000_000L,
                        3_000_000L);
    }

    @Test
    void advance_addingAFunction_leavesOtherFunctionsArrivalsUnchanged() {
        ArrivalProcess p = new ArrivalProcess.Poisson(1);
        List<long[]> alone = drain(new GeneratedArrivals(List.of("keep"), List.of(p), 3, 200));
        List<long[]> withOther = drain(new GeneratedArrivals(List.of("other", "keep"), List.of(p, p), 3, 200));
        List<Long> a = new ArrayList<>();
        for (long[] r : alone) a.add(r[0]);
        List<Long> b = new ArrayList<>();
        for (long[] r : withOther) if (r[1] == 1) b.add(r[0]);
        assertThat(b).isEqualTo(a);
    }

    @Test
    void advance_zeroDuration_isEmpty() {
        assertThat(mixed(1, 0).advance()).isFalse();
    }

    @Test
    void advance_fiftyThousandFunctions_streamsSortedWithExpectedCount() {
        int n = 50_000;
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) names.add("f" + i);
        List<ArrivalProcess> ps = Collections.nCopies(n, new ArrivalProcess.Poisson(0.1));
        GeneratedArrivals g = new GeneratedArrivals(names, ps, 11, 200);
        long count = 0;
        long prev = -1;
        long[] perFn = new long[n];
        while (g.advance()) {
            assertThat(g.timeUs()).isGreaterThanOrEqualTo(prev);
            prev = g.timeUs();
            perFn[g.function()]++;
            count++;
        }
        assertThat((double) count).isCloseTo(1_000_000, within(4 * Math.sqrt(1_000_000)));
        long busy = 0;
        for (long c : perFn) if (c > 0) busy++;
        assertThat(busy).isGreaterThan(n - 10);
    }

    @Test
    void of_functionSpecs_usesTheirNamesAndOrder() {
        List<FunctionSpec> fns = List.of(FunctionSpec.gpu(0, "a", 1, 1, 1), FunctionSpec.gpu(1, "b", 1, 1, 1));
        List<ArrivalProcess> ps = List.of(new ArrivalProcess.Poisson(1), new ArrivalProcess.Poisson(2));
        List<long[]> x = drain(GeneratedArrivals.of(fns, ps, 5, 100));
        List<long[]> y = drain(new GeneratedArrivals(List.of("a", "b"), ps, 5, 100));
        assertThat(x).hasSameSizeAs(y);
        assertThat(x.get(0)).containsExactly(y.get(0));
    }

    @Test
    void onReference_sumOfRateTimesWarmTime() {
        List<FunctionSpec> fns = List.of(FunctionSpec.gpu(0, "a", 500, 1, 1), FunctionSpec.gpu(1, "b", 2000, 1, 1));
        List<ArrivalProcess> ps = List.of(new ArrivalProcess.Poisson(1), new ArrivalProcess.Empirical(List.of(4000.0)));
        assertThat(OfferedLoad.onReference(fns, ps)).isCloseTo(0.5 + 0.5, within(1e-12));
        assertThat(OfferedLoad.onDevices(fns, ps, 2.0, 2)).isCloseTo(0.25, within(1e-12));
    }
}
