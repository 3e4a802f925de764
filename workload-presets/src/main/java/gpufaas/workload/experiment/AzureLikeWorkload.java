package gpufaas.workload.experiment;

import gpufaas.engine.device.DeviceProfile;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.time.SeededStreams;
import gpufaas.workload.azure.DurationMapper;
import gpufaas.workload.catalog.BenchmarkCatalog;
import gpufaas.workload.gen.ArrivalProcess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A synthetic workload shaped like the Azure Functions 2019 trace without needing the dataset, and
 * mapped onto the benchmark functions the way the paper maps the real trace (reference §9): each
 * of N functions gets an average duration drawn from a lognormal with median 1 s and spread 2
 * (Azure's function durations: about half the functions average under a second, a long tail runs
 * for minutes; Shahrad et al., USENIX ATC 2020) and becomes the catalog function with the largest
 * warm time not above it (the shortest when none is); popularity is lognormal with spread
 * {@code sigma} (heavy tailed: a few functions get most invocations), arrivals are Poisson, and
 * rates are scaled so that the offered load Σ rate × warm time ÷ capacity equals the request.
 * With {@code popularShort} the drawn popularities go to the drawn durations in opposite order
 * (the most popular function is the shortest): the paper's workloads ran 1–4.3 invocations/s at
 * 30–75 % utilization of one GPU, i.e. 0.17–0.3 GPU-seconds per invocation, which a mix whose
 * invocations are mostly long functions cannot give.
 */
public final class AzureLikeWorkload {
    /** Spread of log-popularity; Azure's per-function daily invocation counts span many orders of magnitude. */
    public static final double SIGMA = 2.0;
    /** Median (ms) and log-spread of the drawn average function durations. */
    public static final double DURATION_MEDIAN_MS = 1000;

    public static final double DURATION_SIGMA = 2.0;

    private AzureLikeWorkload() {}

    /**
     * An experiment of {@code functions} Azure-like functions offering {@code offeredLoad} of one device.
     *
     * @param functions   how many functions (≥ 1)
     * @param offeredLoad share of one {@code device} kept busy, e.g. 0.7
     * @param durationS   run length in seconds
     * @param seed        the experiment's seed; the same arguments give the same spec
     * @param device      the GPU profile; the spec names it by {@link DeviceProfile#name()}
     */
    public static ExperimentSpec build(
            int functions, double offeredLoad, double durationS, long seed, DeviceProfile device) {
        if (!(durationS > 0) || Double.isInfinite(durationS))
            throw new IllegalArgumentException("duration must be > 0");
        List<FunctionEntry> entries = entries(functions, offeredLoad, SIGMA, true, seed, device.speed());
        double total = 0;
        for (FunctionEntry e : entries) total += e.arrival().meanRatePerS();
        String description = String.format(
                Locale.ROOT,
                "Azure-like synthetic workload: %d catalog functions, lognormal popularity (sigma %.1f), Poisson arrivals "
                        + "totalling %.3f/s, offered load %.2f of one %s (sum of rate x warm time / speed %.3f).",
                functions,
                SIGMA,
                total,
                offeredLoad,
                device.name(),
                device.speed());
        return new ExperimentSpec(
                "azure-like-" + functions,
                description,
                seed,
                durationS,
                WorkloadSpec.of(entries),
                DevicesSpec.of(device.name(), 1),
                null,
                null,
                null,
                null,
                null);
    }

    /**
     * The functions and arrival processes: catalog functions drawn uniformly, popularity
     * exp(sigma × N(0,1)), rates scaled so that Σ rate × warm time ÷ {@code capacity} = {@code offeredLoad}
     * ({@code capacity} = device speed × number of GPUs).
     */
    public static List<FunctionEntry> entries(
            int functions, double offeredLoad, double sigma, boolean popularShort, long seed, double capacity) {
        if (functions < 1) throw new IllegalArgumentException("functions must be >= 1");
        if (!(offeredLoad > 0) || Double.isInfinite(offeredLoad))
            throw new IllegalArgumentException("offered load must be > 0");
        List<FunctionSpec> catalog = BenchmarkCatalog.get().functions();
        SplittableRandom r = new SeededStreams(seed).stream("azure-like");
        FunctionSpec[] base = new FunctionSpec[functions];
        double[] weight = new double[functions];
        double load = 0;
        double[] durationMs = new double[functions];
        for (int i = 0; i < functions; i++) {
            durationMs[i] = DURATION_MEDIAN_MS * Math.exp(DURATION_SIGMA * r.nextGaussian());
            weight[i] = Math.exp(sigma * r.nextGaussian());
        }
        if (popularShort) {
            Arrays.sort(durationMs);
            Arrays.sort(weight);
            for (int i = 0, j = functions - 1; i < j; i++, j--) {
                double t = weight[i];
                weight[i] = weight[j];
                weight[j] = t;
            }
        }
        for (int i = 0; i < functions; i++) {
            base[i] = DurationMapper.map(durationMs[i], catalog);
            load += weight[i] * base[i].gpuWarmMs() / 1000.0 / capacity;
        }
        double scale = offeredLoad / load;
        Map<String, Integer> seen = new HashMap<>();
        List<FunctionEntry> entries = new ArrayList<>();
        for (int i = 0; i < functions; i++) {
            int k = seen.merge(base[i].name(), 1, Integer::sum);
            entries.add(FunctionEntry.of(
                    base[i].name() + "-" + k, base[i].name(), new ArrivalProcess.Poisson(weight[i] * scale)));
        }
        return entries;
    }
}
