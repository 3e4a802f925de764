package gpufaas.backend.sim;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.engine.device.DeviceProfile;
import gpufaas.engine.model.ArrayArrivals;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.model.Outcome;
import gpufaas.engine.model.Workload;
import gpufaas.engine.run.EngineConfig;
import gpufaas.engine.run.EngineListener;
import gpufaas.engine.run.GpuSetup;
import gpufaas.engine.run.TimeSeriesRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The simulator against queueing theory. With cold starts, memory moves and sharing switched off
 * (cold time = warm time and no container-start floor, zero footprints and contexts, a flat sharing
 * curve, the gate off), a GPU with c tokens under FCFS is a c-server FIFO queue fed by Poisson
 * arrivals; long seeded runs must match the closed forms:
 * <ul>
 *   <li>M/D/1 and M/G/1 (one token): Pollaczek–Khinchine, W = E[S] + λ E[S²] / (2 (1 − ρ));</li>
 *   <li>M/M/c (c tokens, exponential service): Erlang C, W = E[S] + C(c, a) / (c μ − λ).</li>
 * </ul>
 * Exponential service comes from many functions whose warm times are drawn from an exponential
 * distribution, each invocation's function drawn uniformly: service times are then independent
 * draws from that sample (P–K uses the sample's own moments, so it is exact for M/G/1). The
 * simulated mean response carries a 99 % confidence interval from 20 batch means; the closed form
 * must lie in it, and the interval must be narrow (under 3 % of the mean) so the test can fail.
 */
class QueueingTheoryTest {
    private static final double[] FLAT = {1, 1, 1, 1, 1, 1, 1, 1};

    private static DeviceProfile flat() {
        return DeviceProfile.builder("flat")
                .description("no sharing slowdown, no context memory")
                .memoryMb(16000)
                .sms(80)
                .linkGBps(10)
                .faultGBps(5.0)
                .speed(1.0)
                .contextMemMb(0)
                .slowdown(FLAT)
                .mpsSlowdown(FLAT)
                .mpsSmSensitivity(0)
                .uvmOversubscribedFactor(1.4)
                .utilSampleMs(200)
                .build();
    }

    private static EngineConfig cfg(int tokens) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("D", Integer.toString(tokens));
        p.put("util", "0");
        p.put("cold_floor_ms", "0");
        p.put("pool", "100000");
        p.put("interval", "60");
        return EngineConfig.resolve("fcfs", null, null, p, new GpuSetup(flat(), 1, null, false, 0), 1, "test");
    }

    /** Mean response time (s) with its 99 % half-width, and Little's law checked on the run's time series. */
    record Response(double meanS, double halfWidthS) {}

    private static Response simulate(List<FunctionSpec> fns, double lambdaPerS, int n, int tokens, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] t = new long[n];
        int[] f = new int[n];
        double now = 0;
        for (int i = 0; i < n; i++) {
            now += -Math.log(1 - rnd.nextDouble()) / lambdaPerS;
            t[i] = Math.round(now * 1e6);
            f[i] = rnd.nextInt(fns.size());
        }
        double[] e2e = new double[n];
        EngineListener l = new EngineListener() {
            @Override
            public void finished(Invocation inv) {
                assertThat(inv.outcome).isEqualTo(Outcome.COMPLETED);
                e2e[(int) inv.id] = inv.e2eUs() / 1e6;
            }
        };
        List<TimeSeriesRow> rows = new ArrayList<>();
        var r = Simulation.run(cfg(tokens), new Workload("mmc", fns, () -> new ArrayArrivals(t, f)), l, rows::add);
        assertThat(r.complete()).isTrue();
        double area = 0;
        double last = 0;
        for (TimeSeriesRow row : rows) {
            area += row.meanInSystem() * (row.timeS() - last);
            last = row.timeS();
        }
        double total = 0;
        for (double x : e2e) total += x;
        assertThat(area).as("Little's law from the time series").isCloseTo(total, Assertions.within(1e-6 * total));
        // 20 batch means, the first 5 % of arrivals dropped as warm-up
        int skip = n / 20;
        int batches = 20;
        int per = (n - skip) / batches;
        double[] means = new double[batches];
        for (int b = 0; b < batches; b++) {
            double s = 0;
            for (int i = 0; i < per; i++) s += e2e[skip + b * per + i];
            means[b] = s / per;
        }
        double m = 0;
        for (double x : means) m += x;
        m /= batches;
        double v = 0;
        for (double x : means) v += (x - m) * (x - m);
        double se = Math.sqrt(v / (batches - 1) / batches);
        return new Response(m, 2.861 * se); // t(0.995, 19 degrees of freedom)
    }

    private static void assertMatches(Response r, double theoryS) {
        assertThat(r.halfWidthS() / r.meanS())
                .as("confidence interval narrow enough to mean something")
                .isLessThan(0.03);
        assertThat(theoryS)
                .as("closed form within the simulation's 99 % interval " + r)
                .isBetween(r.meanS() - r.halfWidthS(), r.meanS() + r.halfWidthS());
    }

    /** {@code k} functions with warm times drawn from an exponential distribution of mean {@code meanMs}. */
    private static List<FunctionSpec> exponentialServices(int k, double meanMs, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<FunctionSpec> fns = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double s = Math.max(0.001, -Math.log(1 - rnd.nextDouble()) * meanMs);
            fns.add(FunctionSpec.gpu(i, "f" + i, s, s, 0));
        }
        return fns;
    }

    private static double[] moments(List<FunctionSpec> fns) {
        double m1 = 0;
        double m2 = 0;
        for (FunctionSpec f : fns) {
            double s = f.gpuWarmMs() / 1000;
            m1 += s;
            m2 += s * s;
        }
        return new double[] {m1 / fns.size(), m2 / fns.size()};
    }

    @Test
    void md1_oneTokenDeterministicService_matchesPollaczekKhinchine() {
        // S = 100 ms, λ = 7/s, ρ = 0.7: W = 0.1 + 7 × 0.01 / (2 × 0.3) = 0.216667 s
        List<FunctionSpec> one = List.of(FunctionSpec.gpu(0, "F", 100, 100, 0));
        double w = 0.1 + 7 * 0.01 / (2 * 0.3);
        assertMatches(simulate(one, 7, 400_000, 1, 11), w);
    }

    @Test
    void mm1_oneTokenExponentialService_matchesPollaczekKhinchineAndTheMM1Form() {
        List<FunctionSpec> fns = exponentialServices(2000, 100, 5);
        double[] m = moments(fns);
        double rho = 0.6;
        double lambda = rho / m[0];
        double pk = m[0] + lambda * m[1] / (2 * (1 - rho));
        Response r = simulate(fns, lambda, 400_000, 1, 12);
        assertMatches(r, pk);
        // the sample is exponential enough that M/M/1's 1 / (μ − λ) is close too
        assertThat(1 / (1 / m[0] - lambda)).isCloseTo(r.meanS(), Assertions.withinPercentage(5));
    }

    @Test
    void mmc_threeTokensNoSlowdown_matchesErlangC() {
        List<FunctionSpec> fns = exponentialServices(4000, 100, 6);
        double[] m = moments(fns);
        int c = 3;
        double mu = 1 / m[0];
        double lambda = 0.75 * c * mu;
        double a = lambda / mu;
        double cv2 = m[1] / (m[0] * m[0]) - 1;
        // Erlang C: probability of waiting, then W = E[S] + C / (c μ − λ); the sample's CV² ≈ 1 is
        // accounted for by the usual (1 + CV²) / 2 factor on the wait, which is 1 for exponential service
        double sum = 0;
        double term = 1;
        for (int k = 0; k < c; k++) {
            if (k > 0) term *= a / k;
            sum += term;
        }
        double last = term * a / c;
        double erlangC = last * (c / (c - a)) / (sum + last * (c / (c - a)));
        double w = m[0] + (1 + cv2) / 2 * erlangC / (c * mu - lambda);
        assertThat(cv2).as("the sample's squared coefficient of variation").isCloseTo(1, Assertions.within(0.1));
        assertMatches(simulate(fns, lambda, 400_000, c, 13), w);
    }
}
