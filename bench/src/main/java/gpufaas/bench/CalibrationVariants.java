package gpufaas.bench;

import gpufaas.backend.sim.Simulation;
import gpufaas.engine.device.DeviceProfile;
import gpufaas.engine.run.EngineConfig;
import gpufaas.engine.run.GpuSetup;
import gpufaas.workload.calibration.DissertationTraces;
import gpufaas.workload.calibration.PublishedResults;
import gpufaas.workload.device.DeviceProfiles;
import gpufaas.workload.experiment.Experiment;
import gpufaas.workload.experiment.ExperimentLoader;
import gpufaas.workload.experiment.ExperimentSpec;
import gpufaas.workload.experiment.FunctionEntry;
import gpufaas.workload.experiment.WorkloadSpec;
import gpufaas.workload.gen.ArrivalProcess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The calibration table of {@code ./workbench reproduce} under a variant of the model, for the
 * ablation table of docs/model.md ("what each choice does to the calibration table"): the five
 * calibration traces under MQFQ-Sticky, FCFS and Batch, and the D table of trace 25.7095, with
 * one ingredient changed back or swapped. Options (all optional):
 * <pre>
 *   --footprint MB      every function's footprint (the catalog's by default)
 *   --dispersion K      burstiness of the arrivals (Azure-minutes shape; 1000 is close to Poisson)
 *   --gpu PROFILE       a profile JSON instead of the built-in V100 (e.g. another sharing curve)
 *   --param KEY=VALUE   a parameter under every run (repeatable; e.g. memory=prefetch+swap)
 *   --seeds N           seeds 1..N (default 5)
 * </pre>
 * It prints one markdown row per trace (published / simulated) and the count of targets met.
 */
public final class CalibrationVariants {
    /** The trace of the D table. */
    private static final String D_TRACE = "25.7095";

    private double footprint = Double.NaN;
    private Double dispersion;
    private String gpu;
    private final Map<String, String> params = new LinkedHashMap<>();
    private int seeds = 5;

    private CalibrationVariants() {}

    public static void main(String[] args) throws Exception {
        CalibrationVariants v = new CalibrationVariants();
        for (int i = 0; i < args.length; i += 2) {
            String k = args[i];
            String val = args[i + 1];
            switch (k) {
                case "--footprint" -> v.footprint = Double.parseDouble(val);
                case "--dispersion" -> v.dispersion = Double.parseDouble(val);
                case "--gpu" -> v.gpu = val;
                case "--param" -> v.params.put(val.substring(0, val.indexOf('=')), val.substring(val.indexOf('=') + 1));
                case "--seeds" -> v.seeds = Integer.parseInt(val);
                default -> throw new IllegalArgumentException("unknown option " + k);
            }
        }
        v.print();
    }

    private ExperimentSpec spec(String trace, String policy, Map<String, String> extra, long seed) {
        ExperimentSpec base = DissertationTraces.experiment(trace);
        List<FunctionEntry> fns = new ArrayList<>();
        for (FunctionEntry f : ((WorkloadSpec.Generated) base.workload()).functions()) {
            ArrivalProcess.AzureMinutes a = (ArrivalProcess.AzureMinutes) f.arrival();
            ArrivalProcess arr = new ArrivalProcess.AzureMinutes(a.count(), a.spanS(), dispersion, null);
            fns.add(new FunctionEntry(
                    f.name(),
                    f.base(),
                    f.gpuWarmMs(),
                    null,
                    Double.isNaN(footprint) ? null : footprint,
                    null,
                    null,
                    null,
                    null,
                    null,
                    arr));
        }
        Map<String, String> p = new LinkedHashMap<>(base.params());
        p.putAll(params);
        p.putAll(extra);
        if (!policy.startsWith("mqfq")) {
            p.remove("T");
            p.remove("ttl");
        }
        return new ExperimentSpec(
                base.name(),
                "",
                seed,
                base.durationS(),
                WorkloadSpec.of(fns),
                base.devices(),
                policy,
                null,
                null,
                p,
                null);
    }

    private double[] run(String trace, String policy, Map<String, String> extra, long seed) {
        ExperimentSpec s = spec(trace, policy, extra, seed);
        Experiment e = ExperimentLoader.resolve(s, null, "variant");
        DeviceProfile prof = gpu == null ? e.device() : DeviceProfiles.load(gpu);
        EngineConfig cfg = EngineConfig.resolve(
                policy, null, null, s.params(), new GpuSetup(prof, 1, null, false, 0), seed, "variant");
        var sum = Simulation.run(cfg, e.workload(), null, null).summary();
        return new double[] {sum.latency().meanE2eMs() / 1000, sum.devices().gpuUtilization() * 100};
    }

    /** Per seed: {latency s, utilization %}. */
    private List<double[]> seeds(ExecutorService pool, String trace, String policy, Map<String, String> extra)
            throws Exception {
        List<Future<double[]>> fs = new ArrayList<>();
        for (int i = 1; i <= seeds; i++) {
            long seed = i;
            fs.add(pool.submit(() -> run(trace, policy, extra, seed)));
        }
        List<double[]> out = new ArrayList<>();
        for (Future<double[]> f : fs) out.add(f.get());
        return out;
    }

    private static double geo(List<double[]> a, List<double[]> over) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) s += Math.log(a.get(i)[0] / (over == null ? 1 : over.get(i)[0]));
        return Math.exp(s / a.size());
    }

    private static double meanUtil(List<double[]> a) {
        return a.stream().mapToDouble(x -> x[1]).average().orElse(Double.NaN);
    }

    private void print() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            int met = 0;
            int total = 0;
            System.out.println(
                    "| trace | MQFQ-Sticky s (pub/sim) | FCFS÷MQFQ (pub/sim) | Batch÷MQFQ (pub/sim) | MQFQ util % (pub/sim) |");
            System.out.println("|---|---|---|---|---|");
            for (PublishedResults.Row p : PublishedResults.rows()) {
                List<double[]> m = seeds(pool, p.trace(), "mqfq-sticky", Map.of());
                List<double[]> f = seeds(pool, p.trace(), "fcfs", Map.of());
                List<double[]> b = seeds(pool, p.trace(), "batch", Map.of());
                double lat = geo(m, null);
                double rf = geo(f, m);
                double rb = geo(b, m);
                double pf = p.fcfsMeanS() / p.mqfqMeanS();
                double pb = p.batchMeanS() / p.mqfqMeanS();
                double u = meanUtil(m);
                met += (lat / p.mqfqMeanS() <= 1.5 && p.mqfqMeanS() / lat <= 1.5 ? 1 : 0)
                        + (Math.abs(rf / pf - 1) <= 0.35 ? 1 : 0)
                        + (Math.abs(rb / pb - 1) <= 0.35 ? 1 : 0)
                        + (Math.abs(u - p.mqfqUtilPct()) <= 15 ? 1 : 0);
                total += 4;
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %.2f / %.2f | %.2f / %.2f | %.2f / %.2f | %.1f / %.1f |%n",
                        p.trace(),
                        p.mqfqMeanS(),
                        lat,
                        pf,
                        rf,
                        pb,
                        rb,
                        p.mqfqUtilPct(),
                        u);
            }
            int shape = 0;
            double[][] d = new double[3][3];
            for (int k = 1; k <= 3; k++) {
                for (int j = 0; j < 3; j++) {
                    d[k - 1][j] = geo(
                            seeds(pool, D_TRACE, PublishedResults.D_TABLE_POLICIES.get(j), Map.of("D", "" + k)), null);
                }
            }
            for (int j = 0; j < 3; j++) {
                if (d[1][j] < d[0][j] && d[1][j] < d[2][j]) shape++;
                if (d[2][j] > d[1][j]) shape++;
            }
            System.out.printf(
                    Locale.ROOT,
                    "%nD table of trace 25.7095 (FCFS / Batch / MQFQ-Sticky, s): D=1 %.1f / %.1f / %.1f, "
                            + "D=2 %.1f / %.1f / %.1f, D=3 %.1f / %.1f / %.1f; shape checks kept %d of 6%n",
                    d[0][0],
                    d[0][1],
                    d[0][2],
                    d[1][0],
                    d[1][1],
                    d[1][2],
                    d[2][0],
                    d[2][1],
                    d[2][2],
                    shape);
            System.out.printf(Locale.ROOT, "calibration targets met: %d of %d (%d seeds)%n", met, total, seeds);
        } finally {
            pool.shutdownNow();
        }
    }
}
