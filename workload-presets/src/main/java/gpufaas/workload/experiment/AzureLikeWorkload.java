package gpufaas.workload.experiment;

import gpufaas.engine.device.DeviceProfile;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.time.SeededStreams;
import gpufaas.workload.catalog.BenchmarkCatalog;
import gpufaas.workload.gen.ArrivalProcess;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A synthetic workload shaped like the Azure Functions trace without needing the dataset: each of
 * N functions is a catalog function drawn uniformly, with a lognormal popularity (σ = 2, heavy
 * tailed: a few functions get most invocations), Poisson arrivals, and rates scaled so that the
 * offered load Σ rate × warm time / device speed equals the requested share of one device.
 */
public final class AzureLikeWorkload {
    /** Spread of log-popularity; Azure's per-function daily invocation counts span many orders of magnitude. */
    public static final double SIGMA = 2.0;

    private AzureLikeWorkload() { }

    /**
     * @param functions   how many functions (≥ 1)
     * @param offeredLoad share of one {@code device} kept busy, e.g. 0.7
     * @param durationS   run length in seconds
     * @param seed        the experiment's seed; the same arguments give the same spec
     * @param device      the GPU profile; the spec names it by {@link DeviceProfile#name()}
     */
    public static ExperimentSpec build(int functions, double offeredLoad, double durationS, long seed, DeviceProfile device) {
        if (functions < 1) throw new IllegalArgumentException("functions must be >= 1");
        if (!(offeredLoad > 0) || Double.isInfinite(offeredLoad)) throw new IllegalArgumentException("offered load must be > 0");
        if (!(durationS > 0) || Double.isInfinite(durationS)) throw new IllegalArgumentException("duration must be > 0");
        List<FunctionSpec> catalog = BenchmarkCatalog.get().functions();
        SplittableRandom r = new SeededStreams(seed).stream("azure-like");
        FunctionSpec[] base = new FunctionSpec[functions];
        double[] weight = new double[functions];
        double load = 0;
        for (int i = 0; i < functions; i++) {
            base[i] = catalog.get(r.nextInt(catalog.size()));
            weight[i] = Math.exp(SIGMA * r.nextGaussian());
            load += weight[i] * base[i].gpuWarmMs() / 1000.0 / device.speed();
        }
        double scale = offeredLoad / load;
        Map<String, Integer> seen = new HashMap<>();
        List<FunctionEntry> entries = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < functions; i++) {
            int k = seen.merge(base[i].name(), 1, Integer::sum);
            double rate = weight[i] * scale;
            total += rate;
            entries.add(FunctionEntry.of(base[i].name() + "-" + k, base[i].name(), new ArrivalProcess.Poisson(rate)));
        }
        String description = String.format(java.util.Locale.ROOT,
                "Azure-like synthetic workload: %d catalog functions, lognormal popularity (sigma %.1f), Poisson arrivals "
                        + "totalling %.3f/s, offered load %.2f of one %s (sum of rate x warm time / speed %.3f).",
                functions, SIGMA, total, offeredLoad, device.name(), device.speed());
        return new ExperimentSpec("azure-like-" + functions, description, seed, durationS, WorkloadSpec.of(entries),
                DevicesSpec.of(device.name(), 1), null, null, null, null, null);
    }
}
