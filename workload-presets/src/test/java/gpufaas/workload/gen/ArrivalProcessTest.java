package gpufaas.workload.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gpufaas.workload.json.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArrivalProcessTest {

    private static List<Double> times(ArrivalProcess p, long seed, double untilS) {
        ArrivalClock c = p.clock(new SplittableRandom(seed));
        List<Double> out = new ArrayList<>();
        for (double t = c.nextS(); t < untilS; t = c.nextS()) out.add(t);
        return out;
    }

    @Test
    void poisson_longRun_countWithinFourSigmaOfRateTimesDuration() {
        List<Double> t = times(new ArrivalProcess.Poisson(2.0), 1, 10_000);
        assertThat((double) t.size()).isCloseTo(20_000, within(4 * Math.sqrt(20_000)));
    }

    @Test
    void poisson_interArrivalTimes_haveCoefficientOfVariationNearOne() {
        List<Double> t = times(new ArrivalProcess.Poisson(5.0), 2, 10_000);
        double sum = 0;
        double sq = 0;
        for (int i = 1; i < t.size(); i++) {
            double d = t.get(i) - t.get(i - 1);
            sum += d;
            sq += d * d;
        }
        int n = t.size() - 1;
        double mean = sum / n;
        double cv = Math.sqrt(sq / n - mean * mean) / mean;
        assertThat(mean).isCloseTo(0.2, within(0.005));
        assertThat(cv).isCloseTo(1.0, within(0.03));
    }

    @Test
    void bursty_ratesOfTheTwoStates_averageToTheMeanRate() {
        ArrivalProcess.Bursty b = new ArrivalProcess.Bursty(1.0, 10, 5, 45);
        assertThat(b.burstShare()).isEqualTo(0.1);
        assertThat(b.burstRatePerS()).isCloseTo(10 * b.calmRatePerS(), within(1e-12));
        assertThat(0.1 * b.burstRatePerS() + 0.9 * b.calmRatePerS()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void bursty_longRun_meanRateWithinFivePercent() {
        List<Double> t = times(new ArrivalProcess.Bursty(1.0, 10, 5, 45), 3, 200_000);
        assertThat(t.size() / 200_000.0).isCloseTo(1.0, within(0.05));
    }

    @Test
    void bursty_countsPerWindow_areOverdispersedUnlikePoisson() {
        assertThat(dispersion(times(new ArrivalProcess.Bursty(1.0, 10, 5, 45), 4, 50_000), 10))
                .isGreaterThan(3.0);
        assertThat(dispersion(times(new ArrivalProcess.Poisson(1.0), 4, 50_000), 10))
                .isCloseTo(1.0, within(0.15));
    }

    /** Variance over mean of counts in windows of {@code w} seconds (1 for Poisson). */
    private static double dispersion(List<Double> t, double w) {
        int windows = (int) (50_000 / w);
        int[] c = new int[windows];
        for (double x : t) c[(int) (x / w)]++;
        double mean = 0;
        for (int x : c) mean += x;
        mean /= windows;
        double var = 0;
        for (int x : c) var += (x - mean) * (x - mean);
        return var / windows / mean;
    }

    @Test
    void diurnal_countsPerPhaseBin_followTheCosineShape() {
        ArrivalProcess.Diurnal d = new ArrivalProcess.Diurnal(10, 0.8, 100, 0);
        int periods = 200;
        List<Double> t = times(d, 5, periods * 100.0);
        int[] bins = new int[10];
        for (double x : t) bins[(int) ((x % 100) / 10)]++;
        for (int b = 0; b < 10; b++) {
            double a = b * 10;
            double e = a + 10;
            double expected = periods
                    * 10
                    * ((e - a)
                            + 0.8
                                    * 100
                                    / (2 * Math.PI)
                                    * (Math.sin(2 * Math.PI * e / 100) - Math.sin(2 * Math.PI * a / 100)));
            assertThat((double) bins[b]).as("bin %d", b).isCloseTo(expected, within(0.05 * expected));
        }
        assertThat(bins[0]).isGreaterThan(4 * bins[5]);
        assertThat(t.size() / (periods * 100.0)).isCloseTo(10, within(0.2));
    }

    @Test
    void diurnal_phase_movesThePeak() {
        ArrivalProcess.Diurnal d = new ArrivalProcess.Diurnal(1, 1, 24, 6);
        assertThat(d.rateAt(6)).isEqualTo(2.0);
        assertThat(d.rateAt(18)).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void empirical_gaps_comeOnlyFromTheListAndAverageItsMean() {
        ArrivalProcess.Empirical e = new ArrivalProcess.Empirical(List.of(100.0, 300.0));
        assertThat(e.meanRatePerS()).isEqualTo(5.0);
        List<Double> t = times(e, 6, 2_000);
        double prev = 0;
        for (double x : t) {
            assertThat(x - prev)
                    .satisfiesAnyOf(
                            g -> assertThat(g).isCloseTo(0.1, within(1e-9)),
                            g -> assertThat(g).isCloseTo(0.3, within(1e-9)));
            prev = x;
        }
        assertThat(t.size() / 2_000.0).isCloseTo(5.0, within(0.15));
    }

    @Test
    void constructors_badValues_throwFieldProblemNamingTheJsonField() {
        assertThatThrownBy(() -> new ArrivalProcess.Poisson(0))
                .isInstanceOf(FieldProblem.class)
                .satisfies(e -> assertThat(((FieldProblem) e).field()).isEqualTo("rate_per_s"));
        assertThatThrownBy(() -> new ArrivalProcess.Bursty(1, 0.5, 1, 1))
                .satisfies(e -> assertThat(((FieldProblem) e).field()).isEqualTo("burst_factor"));
        assertThatThrownBy(() -> new ArrivalProcess.Diurnal(1, 1.5, 10, 0))
                .satisfies(e -> assertThat(((FieldProblem) e).field()).isEqualTo("amplitude"));
        assertThatThrownBy(() -> new ArrivalProcess.Empirical(List.of(0.0, 0.0)))
                .satisfies(e -> assertThat(((FieldProblem) e).field()).isEqualTo("iat_ms"));
        assertThatThrownBy(() -> new ArrivalProcess.Empirical(List.of())).isInstanceOf(FieldProblem.class);
    }

    @Test
    void azureMinutes_exactCountWithinTheSpan_sameForTheSameStream() {
        ArrivalProcess.AzureMinutes a = new ArrivalProcess.AzureMinutes(426, 600, null, null);
        List<Double> t = times(a, 4, 1_000);
        assertThat(t).hasSize(426).isSorted().allSatisfy(x -> assertThat(x).isBetween(0.0, 600.0));
        assertThat(times(a, 4, 1_000)).isEqualTo(t);
        assertThat(a.meanRatePerS()).isCloseTo(0.71, within(1e-9));
        assertThat(a.dispersion()).isEqualTo(ArrivalProcess.AzureMinutes.DEFAULT_DISPERSION);
    }

    @Test
    void azureMinutes_burstierThanPoissonAndMoreSoWithSmallerDispersion() {
        // squared coefficient of variation of the gaps, averaged over seeds: Poisson has 1
        double bursty = meanCv2(new ArrivalProcess.AzureMinutes(2000, 600, 0.2, 10.0));
        double calmer = meanCv2(new ArrivalProcess.AzureMinutes(2000, 600, 5.0, 10.0));
        assertThat(bursty).isGreaterThan(2);
        assertThat(calmer).isLessThan(bursty);
    }

    @Test
    void azureMinutes_badValues_nameTheField() {
        assertThatThrownBy(() -> new ArrivalProcess.AzureMinutes(0, 600, null, null))
                .satisfies(e -> assertThat(((FieldProblem) e).field()).isEqualTo("count"));
        assertThatThrownBy(() -> new ArrivalProcess.AzureMinutes(5, 600, -1.0, null))
                .satisfies(e -> assertThat(((FieldProblem) e).field()).isEqualTo("dispersion"));
    }

    private static double meanCv2(ArrivalProcess p) {
        double sum = 0;
        for (int seed = 1; seed <= 10; seed++) {
            List<Double> t = times(p, seed, 1_000);
            double m = 0;
            for (int i = 1; i < t.size(); i++) m += t.get(i) - t.get(i - 1);
            m /= t.size() - 1;
            double v = 0;
            for (int i = 1; i < t.size(); i++) v += Math.pow(t.get(i) - t.get(i - 1) - m, 2);
            v /= t.size() - 2;
            sum += v / (m * m);
        }
        return sum / 10;
    }
}
